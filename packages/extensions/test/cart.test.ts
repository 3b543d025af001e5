import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Cart } from '../src/types/Cart.js';
import { call, dataOf, startStore, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

describe('cart actions', () => {
  it('a new guest reads an empty cart without creating anything', async () => {
    const guest = store.shopper();
    store.platform.counters.reset();
    const cart = dataOf(await call<Cart>(store.sdk, guest, 'cart/getCart'));
    expect(cart).toMatchObject({ id: null, lineItems: [], itemCount: 0 });
    expect(store.platform.counters.snapshot().total).toBe(0);
  });

  it('adds, changes and removes line items, keeping the cart in the session', async () => {
    const guest = store.shopper();
    const first = dataOf(await call<Cart>(store.sdk, guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }));
    expect(first.id).toEqual(expect.any(String));
    expect(first.lineItems).toEqual([expect.objectContaining({ sku: 'MUG-ENAMEL-01', quantity: 1, name: 'Enamel Mug' })]);
    const second = dataOf(await call<Cart>(store.sdk, guest, 'cart/addToCart', { sku: 'PAN-CAST-26', count: 2 }));
    expect(second.id).toBe(first.id);
    expect(second.itemCount).toBe(3);
    const pan = second.lineItems.find((item) => item.sku === 'PAN-CAST-26');
    const changed = dataOf(await call<Cart>(store.sdk, guest, 'cart/updateLineItem', { lineItemId: pan?.id, count: 5 }));
    expect(changed.lineItems.find((item) => item.sku === 'PAN-CAST-26')?.quantity).toBe(5);
    const removed = dataOf(await call<Cart>(store.sdk, guest, 'cart/removeLineItem', { lineItemId: pan?.id }));
    expect(removed.lineItems.map((item) => item.sku)).toEqual(['MUG-ENAMEL-01']);
    const read = dataOf(await call<Cart>(store.sdk, guest, 'cart/getCart'));
    expect(read).toEqual(removed);
  });
});
