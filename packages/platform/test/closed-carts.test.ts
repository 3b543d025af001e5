import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cartWithMug, clientSdk, customerSdk, guestSdk, sdkFailure, startPlatform, type Platform } from './support/platform.js';

const addPen = { action: 'addLineItem', sku: 'PEN-FOUNTAIN-F', quantity: 1 } as const;

describe('carts that are no longer Active cannot be modified', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('an Ordered cart refuses updates through /me/carts and /carts with 400 InvalidOperation, and stays as ordered', async () => {
    const guest = guestSdk(platform, 'closed-cart-guest');
    const cart = await cartWithMug(guest);
    await guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute();
    const ordered = (await guest.api.me().carts().withId({ ID: cart.id }).get().execute()).body;
    expect(ordered.cartState).toBe('Ordered');

    const mine = await sdkFailure(guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: ordered.version, actions: [addPen] } }).execute());
    expect(mine.status).toBe(400);
    expect(mine.body).toMatchObject({ statusCode: 400, errors: [{ code: 'InvalidOperation', message: expect.stringContaining('Ordered') }] });
    const empty = await sdkFailure(guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: ordered.version, actions: [] } }).execute());
    expect(empty.code).toBe('InvalidOperation');

    const admin = clientSdk(platform);
    const project = await sdkFailure(admin.api.carts().withId({ ID: cart.id }).post({ body: { version: ordered.version, actions: [addPen] } }).execute());
    expect(project.status).toBe(400);
    expect(project.code).toBe('InvalidOperation');

    const after = (await admin.api.carts().withId({ ID: cart.id }).get().execute()).body;
    expect(after.version).toBe(ordered.version);
    expect(after.lineItems.map((item) => item.variant.sku)).toEqual(['MUG-ENAMEL-01']);
  });

  it('a stale version on an Ordered cart is still a 409 first, then InvalidOperation with the current one', async () => {
    const guest = guestSdk(platform, 'stale-closed-cart-guest');
    const cart = await cartWithMug(guest);
    await guest.api.me().orders().post({ body: { id: cart.id, version: cart.version } }).execute();
    const stale = await sdkFailure(guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions: [addPen] } }).execute());
    expect(stale.status).toBe(409);
    const current = stale.body.errors[0].currentVersion as number;
    const fresh = await sdkFailure(guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: current, actions: [addPen] } }).execute());
    expect(fresh.code).toBe('InvalidOperation');
  });

  it('a Merged cart refuses updates too', async () => {
    const email = `merged-${Date.now()}@example.com`;
    const password = 'merged-password';
    await clientSdk(platform).api.customers().post({ body: { email, password } }).execute();
    const customer = customerSdk(platform, email, password);
    await cartWithMug(customer);
    const guest = guestSdk(platform, 'merged-cart-guest');
    const guestCart = await cartWithMug(guest);
    await guest.api.me().login().post({ body: { email, password } }).execute();

    const admin = clientSdk(platform);
    const merged = (await admin.api.carts().withId({ ID: guestCart.id }).get().execute()).body;
    expect(merged.cartState).toBe('Merged');
    const refused = await sdkFailure(admin.api.carts().withId({ ID: merged.id }).post({ body: { version: merged.version, actions: [addPen] } }).execute());
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ code: 'InvalidOperation', message: expect.stringContaining('Merged') }] });
    const viaCustomer = await sdkFailure(customer.api.me().carts().withId({ ID: merged.id }).post({ body: { version: merged.version, actions: [addPen] } }).execute());
    expect(viaCustomer.code).toBe('InvalidOperation');
  });
});
