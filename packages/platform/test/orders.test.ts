import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, cartWithMug, clientSdk, customerSdk, guestSdk, sdkFailure, startPlatform, type Platform } from './support/platform.js';

describe('orders', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a guest order belongs to the guest, sets the cart Ordered and is readable at /me/orders/{id}', async () => {
    const guest = guestSdk(platform, 'ordering-guest');
    const cart = await cartWithMug(guest);
    const order = await guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute();
    expect(order.statusCode).toBe(201);
    expect(order.body.anonymousId).toBe('ordering-guest');
    expect(order.body.cart?.id).toBe(cart.id);
    expect(order.body.lineItems.map((item) => item.variant.sku)).toEqual(['MUG-ENAMEL-01']);

    const after = await guest.api.me().carts().withId({ ID: cart.id }).get().execute();
    expect(after.body.cartState).toBe('Ordered');
    expect(after.body.version).toBe(cart.version + 1);
    expect((await sdkFailure(guest.api.me().activeCart().get().execute())).status).toBe(404);

    const read = await guest.api.me().orders().withId({ ID: order.body.id }).get().execute();
    expect(read.body.id).toBe(order.body.id);
    // commercetools always sends returnInfo (B2B storefronts map it without a check); the mock left it out.
    expect(order.body.returnInfo).toEqual([]);
    expect(read.body.returnInfo).toEqual([]);
    expect(order.body.version).toBe(1);
    const list = await guest.api.me().orders().get().execute();
    expect(list.body.results.map((o) => o.id)).toEqual([order.body.id]);
  });

  it('a second order from the same cart is refused', async () => {
    const guest = guestSdk(platform, 'double-ordering-guest');
    const cart = await cartWithMug(guest);
    await guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute();
    const sameVersion = await sdkFailure(guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute());
    expect(sameVersion.status).toBe(409);
    expect(sameVersion.code).toBe('ConcurrentModification');
    const currentVersion = await sdkFailure(guest.api.me().orders().post({ body: { id: cart.id, version: cart.version + 1 } }).execute());
    expect(currentVersion.status).toBe(400);
    expect(currentVersion.code).toBe('InvalidOperation');
    expect((await guest.api.me().orders().get().execute()).body.total).toBe(1);
  });

  it('two simultaneous orders from one cart: exactly one succeeds', async () => {
    const guest = guestSdk(platform, 'racing-guest');
    const cart = await cartWithMug(guest);
    const attempts = await Promise.allSettled([
      guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute(),
      guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute(),
    ]);
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    expect((await guest.api.me().orders().get().execute()).body.total).toBe(1);
  });

  it('a customer order belongs to the customer', async () => {
    const customer = customerSdk(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    const me = (await customer.api.me().get().execute()).body;
    const cart = await cartWithMug(customer);
    const order = await customer.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute();
    expect(order.body.customerId).toBe(me.id);
  });

  it('guests cannot order, read or list each other’s orders', async () => {
    const alice = guestSdk(platform, 'alice-orders');
    const bob = guestSdk(platform, 'bob-orders');
    const bobCart = await cartWithMug(bob);
    const steal = await sdkFailure(alice.api.me().orders().post({ body: { id: bobCart.id, version: bobCart.version } }).execute());
    expect(steal.status).toBe(400);
    expect(steal.code).toBe('ReferencedResourceNotFound');
    const bobOrder = (await bob.api.me().orders().post({ body: { id: bobCart.id, version: bobCart.version } }).execute()).body;
    expect((await sdkFailure(alice.api.me().orders().withId({ ID: bobOrder.id }).get().execute())).status).toBe(404);
    expect((await alice.api.me().orders().get().execute()).body.total).toBe(0);
  });

  it('POST /orders with a project token applies the same cart rules', async () => {
    const guest = guestSdk(platform, 'admin-ordered-guest');
    const cart = await cartWithMug(guest);
    const admin = clientSdk(platform);
    const order = await admin.api.orders().post({ body: { cart: { typeId: 'cart', id: cart.id }, version: cart.version, orderNumber: 'LOCAL-1' } }).execute();
    expect(order.body.anonymousId).toBe('admin-ordered-guest');
    expect(order.body.orderNumber).toBe('LOCAL-1');
    expect((await admin.api.carts().withId({ ID: cart.id }).get().execute()).body.cartState).toBe('Ordered');
    const again = await sdkFailure(admin.api.orders().post({ body: { cart: { typeId: 'cart', id: cart.id }, version: cart.version + 1 } }).execute());
    expect(again.status).toBe(400);
    expect(again.code).toBe('InvalidOperation');
  });

  it('answers bad order drafts with InvalidJsonInput', async () => {
    const guest = guestSdk(platform, 'bad-draft-guest');
    await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    const token = guest.tokens.current()?.token as string;
    for (const body of [{}, { id: 5, version: 1 }, { id: 'x' }, { id: 'x', version: '1' }, '[]', '{']) {
      const answer = await api(platform, 'POST', '/me/orders', token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe('InvalidJsonInput');
    }
    const unknownCart = await api(platform, 'POST', '/me/orders', token, { id: '00000000-0000-4000-8000-000000000000', version: 1 });
    expect(unknownCart.status).toBe(400);
    expect(unknownCart.body.errors[0].code).toBe('ReferencedResourceNotFound');
  });

  it('updates an order by its order number, as payment webhooks do', async () => {
    const admin = clientSdk(platform);
    const cart = await cartWithMug(guestSdk(platform, 'numbered-guest'));
    await admin.api.orders().post({ body: { cart: { typeId: 'cart', id: cart.id }, version: cart.version, orderNumber: '2030-1-1-4242' } }).execute();
    const byNumber = admin.api.orders().withOrderNumber({ orderNumber: '2030-1-1-4242' });
    const order = (await byNumber.get().execute()).body;
    const updated = (await byNumber.post({ body: { version: order.version, actions: [{ action: 'changeOrderState', orderState: 'Confirmed' }, { action: 'changePaymentState', paymentState: 'Paid' }] } }).execute()).body;
    expect(updated).toMatchObject({ id: order.id, orderState: 'Confirmed', paymentState: 'Paid' });
    expect(updated.version).toBeGreaterThan(order.version);
    const stale = byNumber.post({ body: { version: order.version, actions: [{ action: 'changeOrderState', orderState: 'Complete' }] } }).execute();
    expect(await sdkFailure(stale)).toMatchObject({ status: 409, code: 'ConcurrentModification' });
    const unknown = admin.api.orders().withOrderNumber({ orderNumber: 'no-such-order' });
    expect(await sdkFailure(unknown.post({ body: { version: 1, actions: [] } }).execute())).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });
});
