import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Cart } from '@commercetools/platform-sdk';
import { anonymousToken, api, clientSdk, customerSdk, guestSdk, sdkFailure, startPlatform, tokenSdk, type Platform } from './support/platform.js';

// Lets the clock move on, so "most recently modified" has a clear answer (no timing is asserted).
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('/me/carts and /me/active-cart', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a guest cart carries the guest anonymousId, whatever owner the draft names', async () => {
    const guest = guestSdk(platform, 'guest-owner');
    const cart = await guest.api.me().carts().post({ body: { currency: 'EUR', customerId: 'someone-else', anonymousId: 'someone-else' } as never }).execute();
    expect(cart.statusCode).toBe(201);
    expect(cart.body.anonymousId).toBe('guest-owner');
    expect(cart.body.customerId).toBeUndefined();
  });

  it('a customer cart carries the customerId', async () => {
    const customer = customerSdk(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    const me = await customer.api.me().get().execute();
    const cart = await customer.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    expect(cart.body.customerId).toBe(me.body.id);
    expect(cart.body.anonymousId).toBeUndefined();
  });

  it('runs the store cart actions: addLineItem by sku, changeLineItemQuantity, setShippingAddress, removeLineItem', async () => {
    const guest = guestSdk(platform, 'guest-actions');
    let cart: Cart = (await guest.api.me().carts().post({ body: { currency: 'EUR', country: 'DE' } }).execute()).body;
    cart = (
      await guest.api
        .me()
        .carts()
        .withId({ ID: cart.id })
        .post({ body: { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 2 }, { action: 'addLineItem', sku: 'PEN-FOUNTAIN-F' }] } })
        .execute()
    ).body;
    expect(cart.lineItems.map((item) => [item.variant.sku, item.quantity])).toEqual([
      ['MUG-ENAMEL-01', 2],
      ['PEN-FOUNTAIN-F', 1],
    ]);
    expect(cart.totalPrice).toMatchObject({ currencyCode: 'EUR', centAmount: 2 * 1490 + 4500 });
    const mug = cart.lineItems[0]!;
    const pen = cart.lineItems[1]!;
    cart = (
      await guest.api
        .me()
        .carts()
        .withId({ ID: cart.id })
        .post({
          body: {
            version: cart.version,
            actions: [
              { action: 'changeLineItemQuantity', lineItemId: mug.id, quantity: 3 },
              { action: 'setShippingAddress', address: { country: 'DE', city: 'Berlin' } },
              { action: 'removeLineItem', lineItemId: pen.id },
            ],
          },
        })
        .execute()
    ).body;
    expect(cart.lineItems).toHaveLength(1);
    expect(cart.lineItems[0]?.quantity).toBe(3);
    expect(cart.shippingAddress).toMatchObject({ country: 'DE', city: 'Berlin' });
    expect(cart.totalPrice.centAmount).toBe(3 * 1490);
  });

  it('a stale version is a 409 ConcurrentModification with the current version', async () => {
    const guest = guestSdk(platform, 'guest-stale');
    const cart = (await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
    await guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] } }).execute();
    const stale = await sdkFailure(
      guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] } }).execute(),
    );
    expect(stale.status).toBe(409);
    expect(stale.code).toBe('ConcurrentModification');
    expect(stale.body.errors[0].currentVersion).toBe(cart.version + 1);
  });

  it('active-cart is 404 when the caller has none', async () => {
    const failure = await sdkFailure(guestSdk(platform, 'guest-without-cart').api.me().activeCart().get().execute());
    expect(failure.status).toBe(404);
    expect(failure.code).toBe('ResourceNotFound');
  });

  it('active-cart is the most recently modified active cart of the caller', async () => {
    const token = (await anonymousToken(platform, 'guest-two-carts')).access_token;
    const guest = tokenSdk(platform, token);
    const older = (await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
    await pause();
    const newer = (await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
    expect((await guest.api.me().activeCart().get().execute()).body.id).toBe(newer.id);
    await pause();
    await guest.api.me().carts().withId({ ID: older.id }).post({ body: { version: older.version, actions: [{ action: 'addLineItem', sku: 'VASE-CERAMIC-M' }] } }).execute();
    expect((await guest.api.me().activeCart().get().execute()).body.id).toBe(older.id);
  });

  it('two concurrent guests never see each other’s carts', async () => {
    const alice = guestSdk(platform, 'alice-guest');
    const bob = guestSdk(platform, 'bob-guest');
    const [aliceCart, bobCart] = await Promise.all([
      alice.api.me().carts().post({ body: { currency: 'EUR' } }).execute(),
      bob.api.me().carts().post({ body: { currency: 'EUR' } }).execute(),
    ]);
    await Promise.all([
      alice.api.me().carts().withId({ ID: aliceCart.body.id }).post({ body: { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] } }).execute(),
      bob.api.me().carts().withId({ ID: bobCart.body.id }).post({ body: { version: 1, actions: [{ action: 'addLineItem', sku: 'CHAIR-CAMP-01' }] } }).execute(),
    ]);
    const [aliceActive, bobActive] = await Promise.all([alice.api.me().activeCart().get().execute(), bob.api.me().activeCart().get().execute()]);
    expect(aliceActive.body.id).toBe(aliceCart.body.id);
    expect(bobActive.body.id).toBe(bobCart.body.id);
    expect(aliceActive.body.lineItems.map((item) => item.variant.sku)).toEqual(['MUG-ENAMEL-01']);

    const aliceList = await alice.api.me().carts().get().execute();
    expect(aliceList.body.results.map((cart) => cart.id)).toEqual([aliceCart.body.id]);

    const peek = await sdkFailure(alice.api.me().carts().withId({ ID: bobCart.body.id }).get().execute());
    expect(peek.status).toBe(404);
    const write = await sdkFailure(
      alice.api.me().carts().withId({ ID: bobCart.body.id }).post({ body: { version: 2, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] } }).execute(),
    );
    expect(write.status).toBe(404);
    const remove = await sdkFailure(alice.api.me().carts().withId({ ID: bobCart.body.id }).delete({ queryArgs: { version: 2 } }).execute());
    expect(remove.status).toBe(404);
    expect((await bob.api.me().carts().withId({ ID: bobCart.body.id }).get().execute()).body.version).toBe(2);
  });

  it('a guest can delete its own cart', async () => {
    const guest = guestSdk(platform, 'guest-deleting');
    const cart = (await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
    await guest.api.me().carts().withId({ ID: cart.id }).delete({ queryArgs: { version: cart.version } }).execute();
    expect((await sdkFailure(guest.api.me().activeCart().get().execute())).status).toBe(404);
  });

  it('refuses update actions a shopper may not use on /me/carts', async () => {
    const token = (await anonymousToken(platform, 'guest-hijack')).access_token;
    const cart = await api(platform, 'POST', '/me/carts', token, { currency: 'EUR' });
    for (const action of [{ action: 'setCustomerId', customerId: 'x' }, { action: 'setAnonymousId', anonymousId: 'other' }]) {
      const answer = await api(platform, 'POST', `/me/carts/${cart.body.id}`, token, { version: 1, actions: [action] });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe('InvalidJsonInput');
    }
  });

  it('/me/carts needs a customer or guest token: a project token is refused', async () => {
    const failure = await sdkFailure(clientSdk(platform).api.me().carts().post({ body: { currency: 'EUR' } }).execute());
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('insufficient_scope');
  });
});
