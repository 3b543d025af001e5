import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Account } from '../src/types/Account.js';
import type { Cart } from '../src/types/Cart.js';
import type { Order } from '../src/types/Order.js';
import { call, startStore, type Browser, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

const password = 'correct-horse-battery';
let counter = 0;
const newEmail = (): string => `shopper-${Date.now()}-${++counter}@example.com`;

async function registeredCustomerWithCart(sku: string): Promise<string> {
  const email = newEmail();
  const device = store.shopper();
  await store.act(device, 'account/register', { email, password, firstName: 'Ada' });
  await store.act(device, 'cart/addToCart', { sku });
  return email;
}

describe('account actions', () => {
  it('a guest logs in as a customer who has a cart: the merged cart holds everything', async () => {
    const email = await registeredCustomerWithCart('LAMP-READ-01');
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    await store.act(guest, 'cart/addToCart', { sku: 'PAN-CAST-26', count: 2 });

    const account = await store.act<Account>(guest, 'account/login', { email, password });
    expect(account).toEqual({ loggedIn: true, customer: expect.objectContaining({ email, firstName: 'Ada' }) });

    const cart = await store.act<Cart>(guest, 'cart/getCart');
    expect(Object.fromEntries(cart.lineItems.map((item) => [item.sku, item.quantity]))).toEqual({ 'LAMP-READ-01': 1, 'MUG-ENAMEL-01': 1, 'PAN-CAST-26': 2 });
    const session = await store.sessionOf(guest);
    expect(session).toMatchObject({ customerId: account.customer?.id, cartId: cart.id });
    expect(await store.act<Account>(guest, 'account/getAccount')).toEqual(account);
  });

  it("the guest's earlier order moves to the customer at sign-in", async () => {
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'NOTEBOOK-DOT-A5' });
    const order = await store.act<Order>(guest, 'cart/checkout', { shippingAddress: { country: 'DE', city: 'Berlin' } });
    expect(order.customerId).toBeUndefined();
    const email = newEmail();
    const account = await store.act<Account>(guest, 'account/register', { email, password });
    const moved = (await store.platformGet(`/orders/${order.id}`)) as { customerId?: string };
    expect(moved.customerId).toBe(account.customer?.id);
    expect(account.customer?.id).toEqual(expect.any(String));
  });

  it('checkout leaves lastOrderId and no cartId in the session', async () => {
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'PEN-FOUNTAIN-F', count: 2 });
    expect(await store.sessionOf(guest)).toHaveProperty('cartId');
    const order = await store.act<Order>(guest, 'cart/checkout', {});
    expect(order.lineItems).toEqual([expect.objectContaining({ sku: 'PEN-FOUNTAIN-F', quantity: 2 })]);
    const session = await store.sessionOf(guest);
    expect(session.lastOrderId).toBe(order.id);
    expect(session).not.toHaveProperty('cartId');
    expect(session).not.toHaveProperty('cartVersion');
    expect((await store.act<Cart>(guest, 'cart/getCart')).id).toBeNull();
  });

  it('checkout of an empty cart is refused and makes no order', async () => {
    const guest = store.shopper();
    const response = await call(store.sdk, guest, 'cart/checkout', {});
    expect(response.isError).toBe(true);
    expect(await store.sessionOf(guest)).toEqual({});
  });

  it('logout clears the session; getAccount then says loggedIn: false', async () => {
    const shopper = store.shopper();
    await store.act(shopper, 'account/register', { email: newEmail(), password });
    expect((await store.act<Account>(shopper, 'account/getAccount')).loggedIn).toBe(true);
    expect(await store.act<Account>(shopper, 'account/logout')).toEqual({ loggedIn: false });
    expect(await store.sessionOf(shopper)).toEqual({});
    expect(await store.act<Account>(shopper, 'account/getAccount')).toEqual({ loggedIn: false });
  });

  it('wrong credentials answer 401 and leave the guest session as it was', async () => {
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const before = await store.sessionOf(guest);
    const response = await call(store.sdk, guest, 'account/login', { email: store.platform.demoCustomer.email, password: 'not-the-password' });
    expect(response.isError).toBe(true);
    expect(JSON.stringify(response)).toContain('INVALID_CREDENTIALS');
    expect(await store.sessionOf(guest)).toEqual(before);
  });

  it('registering an email that exists is a 400 EMAIL_TAKEN', async () => {
    const response = await call(store.sdk, store.shopper(), 'account/register', { email: store.platform.demoCustomer.email, password });
    expect(response.isError).toBe(true);
    expect(JSON.stringify(response)).toContain('EMAIL_TAKEN');
  });

  it('two guests in parallel never see each other\'s carts', async () => {
    const guests = Array.from({ length: 8 }, () => store.shopper());
    const skus = ['MUG-ENAMEL-01', 'PAN-CAST-26', 'LAMP-READ-01', 'VASE-CERAMIC-M', 'CHAIR-CAMP-01', 'PEN-FOUNTAIN-F', 'THROW-WOOL-01', 'NOTEBOOK-DOT-A5'];
    await Promise.all(guests.map((guest, i) => store.act(guest, 'cart/addToCart', { sku: skus[i], count: i + 1 })));
    const carts = await Promise.all(guests.map((guest) => store.act<Cart>(guest, 'cart/getCart')));
    carts.forEach((cart, i) => expect(cart.lineItems).toEqual([expect.objectContaining({ sku: skus[i], quantity: i + 1 })]));
    expect(new Set(carts.map((cart) => cart.id)).size).toBe(guests.length);
  });
});
