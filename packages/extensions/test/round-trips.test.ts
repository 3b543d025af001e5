import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Cart } from '../src/types/Cart.js';
import { call, dataOf, startStore, type Browser, type TestStore } from './support/store.js';

// The targets, token requests included. For comparison, the commercetools B2C launchpad makes
// 2 requests per cart write, 3 for checkout and 2 for login with merge.
let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

async function requests(run: () => Promise<unknown>): Promise<number> {
  return (await store.countRequests(run)).total;
}

async function cartOf(shopper: Browser, action: string, payload?: unknown): Promise<Cart> {
  return dataOf(await call<Cart>(store.sdk, shopper, action, payload));
}

describe('platform requests per action', () => {
  it('cart actions stay within their targets', async () => {
    const guest = store.shopper();
    expect(await requests(() => cartOf(guest, 'cart/getCart'))).toBe(0);
    expect(await requests(() => cartOf(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }))).toBe(2); // anonymous token + cart with its line item
    expect(await requests(() => cartOf(guest, 'cart/getCart'))).toBe(1);
    expect(await requests(() => cartOf(guest, 'cart/addToCart', { sku: 'PAN-CAST-26' }))).toBe(1);
    const cart = await cartOf(guest, 'cart/getCart');
    const lineItemId = cart.lineItems[0]?.id;
    expect(await requests(() => cartOf(guest, 'cart/updateLineItem', { lineItemId, count: 3 }))).toBe(1);
    expect(await requests(() => cartOf(guest, 'cart/removeLineItem', { lineItemId }))).toBe(1);
    expect(await requests(() => call(store.sdk, guest, 'cart/checkout', { shippingAddress: { country: 'DE' } }))).toBe(2);
  });

  it('login with merge takes two requests: the sign-in and the customer token', async () => {
    const guest = store.shopper();
    await cartOf(guest, 'cart/addToCart', { sku: 'LAMP-READ-01' });
    const { email, password } = store.platform.demoCustomer;
    expect(await requests(() => call(store.sdk, guest, 'account/login', { email, password }))).toBe(2);
  });

  it('a guest who never needed a token logs in with two requests once the client token is warm', async () => {
    const { email, password } = store.platform.demoCustomer;
    await call(store.sdk, store.shopper(), 'account/login', { email, password });
    expect(await requests(() => call(store.sdk, store.shopper(), 'account/login', { email, password }))).toBe(2);
  });

  it('a stale cart version costs one retry, not an error', async () => {
    const tab1 = store.shopper();
    await cartOf(tab1, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    // A second tab with the same session writes the cart, so tab 1's stored version is now stale.
    const tab2 = store.shopper();
    Object.assign(tab2.cookies, tab1.cookies);
    await cartOf(tab2, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    let cart: Cart | undefined;
    expect(await requests(async () => (cart = await cartOf(tab1, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' })))).toBe(2);
    expect(cart?.lineItems[0]?.quantity).toBe(3);
  });
});
