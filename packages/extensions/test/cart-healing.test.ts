import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Cart } from '../src/types/Cart.js';
import type { Order } from '../src/types/Order.js';
import { copyOfCookie, startStore, type Browser, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

const password = 'correct-horse-battery';
let counter = 0;


interface PlatformCart {
  readonly cartState: string;
  readonly version: number;
  readonly lineItems: ReadonlyArray<{ readonly variant: { readonly sku: string }; readonly quantity: number }>;
}

const contents = (cart: PlatformCart): Record<string, number> => Object.fromEntries(cart.lineItems.map((item) => [item.variant.sku, item.quantity]));

/** A guest with a cart of two mugs, a copy of the session from before checkout, and the order. */
async function checkedOutWithStaleCopy(): Promise<{ shopper: Browser; stale: Browser; order: Order; cartId: string; lineItemId: string }> {
  const shopper = store.shopper();
  const cart = await store.act<Cart>(shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01', count: 2 });
  const stale = copyOfCookie(shopper);
  const order = await store.act<Order>(shopper, 'cart/checkout', {});
  return { shopper, stale, order, cartId: cart.id ?? '', lineItemId: cart.lineItems[0]?.id ?? '' };
}

async function orderedCartIsUntouched(cartId: string): Promise<void> {
  const cart = (await store.platformGet(`/carts/${cartId}`)) as PlatformCart;
  expect(cart.cartState).toBe('Ordered');
  expect(contents(cart)).toEqual({ 'MUG-ENAMEL-01': 2 });
}

describe('a session replayed after checkout never writes into the ordered cart', () => {
  it('addToCart forgets the ordered cart and goes on with a fresh one holding the new item', async () => {
    const { stale, cartId } = await checkedOutWithStaleCopy();
    const cart = await store.act<Cart>(stale, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(cart.id).not.toBe(cartId);
    expect(cart.lineItems.map((item) => [item.sku, item.quantity])).toEqual([['PAN-CAST-26', 1]]);
    expect((await store.sessionOf(stale)).cartId).toBe(cart.id);
    await orderedCartIsUntouched(cartId);
    expect(await store.act<Cart>(stale, 'cart/getCart')).toEqual(cart);
  });

  it('updateLineItem and removeLineItem forget it and answer the cart the shopper has now', async () => {
    for (const [action, payload] of [
      ['cart/updateLineItem', { count: 5 }],
      ['cart/removeLineItem', {}],
    ] as const) {
      const { stale, cartId, lineItemId } = await checkedOutWithStaleCopy();
      const answer = await store.rawAction(stale, action, JSON.stringify({ lineItemId, ...payload }));
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
      expect(answer.json).toMatchObject({ id: null, lineItems: [] });
      expect(await store.decode(answer.sessionToken)).not.toHaveProperty('cartId');
      await orderedCartIsUntouched(cartId);
    }
  });

  it('getCart and checkout find no cart to show or order: no second order', async () => {
    const { stale, cartId } = await checkedOutWithStaleCopy();
    expect((await store.act<Cart>(stale, 'cart/getCart')).id).toBeNull();
    const { stale: again } = await checkedOutWithStaleCopy();
    for (const body of [{}, { shippingAddress: { country: 'DE' } }]) {
      const answer = await store.rawAction(again, 'cart/checkout', JSON.stringify(body));
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ error: { code: 'CART_EMPTY' } });
    }
    await orderedCartIsUntouched(cartId);
  });
});

describe('a cart that became someone else’s or was merged is replaced by the shopper’s own', () => {
  it('a replayed guest session after sign-in gets a fresh guest cart; the merged cart is not touched', async () => {
    const email = `healing-${Date.now()}-${++counter}@example.com`;
    await store.act(store.shopper(), 'account/register', { email, password });
    const guest = store.shopper();
    const guestCart = await store.act<Cart>(guest, 'cart/addToCart', { sku: 'VASE-CERAMIC-M' });
    const stale = copyOfCookie(guest);
    await store.act(guest, 'account/login', { email, password });
    const cart = await store.act<Cart>(stale, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(cart.id).not.toBe(guestCart.id);
    expect(cart.lineItems.map((item) => item.sku)).toEqual(['PAN-CAST-26']);
    expect((await store.act<Cart>(guest, 'cart/getCart')).lineItems.map((item) => item.sku)).toEqual(['VASE-CERAMIC-M']);
  });

  it('a customer whose session names an Ordered or Merged cart of theirs continues in their active cart: nothing lost', async () => {
    const email = `healing-${Date.now()}-${++counter}@example.com`;
    const device = store.shopper();
    await store.act(device, 'account/register', { email, password });
    const active = await store.act<Cart>(device, 'cart/addToCart', { sku: 'LAMP-READ-01' });
    // A guest cart merged into the customer's cart at sign-in: Merged, and the customer's now.
    const guest = store.shopper();
    const merged = await store.act<Cart>(guest, 'cart/addToCart', { sku: 'VASE-CERAMIC-M' });
    await store.act(guest, 'account/login', { email, password });
    const session = await store.sessionOf(device);
    expect(((await store.platformGet(`/carts/${merged.id}`)) as PlatformCart).cartState).toBe('Merged');

    const pointingAtMerged = await store.shopperWithSession({ ...session, cartId: merged.id, cartVersion: 1 });
    const cart = await store.act<Cart>(pointingAtMerged, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(cart.id).toBe(active.id);
    expect(cart.lineItems.map((item) => item.sku).sort()).toEqual(['LAMP-READ-01', 'PAN-CAST-26', 'VASE-CERAMIC-M']);
    expect(((await store.platformGet(`/carts/${merged.id}`)) as PlatformCart).lineItems.map((item) => item.variant.sku)).toEqual(['VASE-CERAMIC-M']);

    const reading = await store.shopperWithSession({ ...session, cartId: merged.id, cartVersion: 1 });
    expect((await store.act<Cart>(reading, 'cart/getCart')).id).toBe(active.id);
    expect((await store.sessionOf(reading)).cartId).toBe(active.id);
  });

  it('a deleted cart is replaced too', async () => {
    const guest = store.shopper();
    const cart = await store.act<Cart>(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const token = ((await store.sessionOf(guest)).token as { accessToken: string }).accessToken;
    const current = (await store.platformGet(`/carts/${cart.id}`)) as PlatformCart;
    const deleted = await fetch(`${store.platform.apiUrl}/${store.platform.projectKey}/me/carts/${cart.id}?version=${current.version}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(deleted.status).toBe(200);
    const next = await store.act<Cart>(guest, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(next.id).not.toBe(cart.id);
    expect(next.lineItems.map((item) => item.sku)).toEqual(['PAN-CAST-26']);
  });
});
