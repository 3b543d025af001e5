import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Account } from '../src/types/Account.js';
import type { Cart } from '../src/types/Cart.js';
import type { Order } from '../src/types/Order.js';
import { startStore, type Browser, type TestStore } from './support/store.js';

// The scopes the README tells a real project's API client to have. The embedded platform enforces scopes on
// customers, orders and carts, and keeps shopper tokens to /me and the catalogue: every action must still work.
const README_SCOPES = ['manage_my_orders', 'manage_my_profile', 'view_published_products', 'view_categories', 'create_anonymous_token', 'manage_customers'];

let store: TestStore;
beforeAll(async () => {
  store = await startStore({ scopes: README_SCOPES.map((scope) => `${scope}:demo`).join(' ') });
});
afterAll(async () => {
  await store?.close();
});

describe('the extensions work with the scopes the README lists, and no broader ones', () => {
  it('the client token the extensions use for server-side calls carries those scopes only', async () => {
    const basic = Buffer.from(`${store.platform.clientId}:${store.platform.clientSecret}`).toString('base64');
    const answer = await fetch(`${store.platform.authUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: README_SCOPES.map((scope) => `${scope}:demo`).join(' ') }).toString(),
    });
    const { access_token } = (await answer.json()) as { access_token: string };
    // Without view_orders/manage_orders the project-wide order list is closed to it.
    expect((await fetch(`${store.platform.apiUrl}/demo/orders`, { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(403);
  });

  it('register (server-side, no token yet), shop, check out, log out, log in with a guest cart', async () => {
    const email = `scoped-${Date.now()}@example.com`;
    const password = 'scoped-password-1';
    const newcomer = store.shopper();
    expect((await store.act<Account>(newcomer, 'account/register', { email, password })).loggedIn).toBe(true);
    await store.act<Cart>(newcomer, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const order = await store.act<Order>(newcomer, 'cart/checkout', { shippingAddress: { country: 'DE' } });
    expect(order.lineItems).toEqual([expect.objectContaining({ sku: 'MUG-ENAMEL-01' })]);
    expect((await store.act<Account>(newcomer, 'account/getAccount')).loggedIn).toBe(true);
    await store.act(newcomer, 'account/logout');

    const returning = store.shopper();
    expect((await store.act<Account>(returning, 'account/login', { email, password })).loggedIn).toBe(true);
    const guest = store.shopper();
    await store.act<Cart>(guest, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    await store.act<Account>(guest, 'account/login', { email, password });
    expect((await store.act<Cart>(guest, 'cart/getCart')).lineItems.map((item) => item.sku)).toEqual(['PAN-CAST-26']);
  });
});
