import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStore, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

const cases: Array<[action: string, body: string, code: string]> = [
  ['cart/addToCart', '{"sku": ', 'MALFORMED_JSON'],
  ['cart/addToCart', '[1,2]', 'BAD_REQUEST'],
  ['cart/addToCart', '"MUG-ENAMEL-01"', 'BAD_REQUEST'],
  ['cart/addToCart', '{}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": 42}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": ""}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": "MUG-ENAMEL-01", "count": 0}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": "MUG-ENAMEL-01", "count": 1.5}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": "MUG-ENAMEL-01", "count": "2"}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": "MUG-ENAMEL-01", "cout": 2}', 'BAD_REQUEST'],
  ['cart/addToCart', '{"sku": "NO-SUCH-SKU"}', 'UNKNOWN_SKU'],
  ['cart/updateLineItem', '{"lineItemId": "x"}', 'BAD_REQUEST'],
  ['cart/updateLineItem', '{"lineItemId": "x", "count": -1}', 'BAD_REQUEST'],
  ['cart/updateLineItem', '{"lineItemId": "x", "count": 1}', 'NO_CART'],
  ['cart/removeLineItem', '{}', 'BAD_REQUEST'],
  ['cart/checkout', '{"shippingAddress": "Berlin"}', 'BAD_REQUEST'],
  ['cart/checkout', '{"shippingAddress": {"city": "Berlin"}}', 'BAD_REQUEST'],
  ['cart/checkout', '{"shippingAddress": {"country": "Germany"}}', 'BAD_REQUEST'],
  ['account/login', '{"email": "demo@example.com"}', 'BAD_REQUEST'],
  ['account/login', '{"email": "not-an-email", "password": "x"}', 'BAD_REQUEST'],
  ['account/login', 'null', 'BAD_REQUEST'],
  ['account/register', '{"email": "new@example.com", "password": "short"}', 'BAD_REQUEST'],
  ['account/register', '{"email": "new@example.com", "password": 12345678}', 'BAD_REQUEST'],
  ['examples/getRewardPoints', '{oops}', 'MALFORMED_JSON'],
];

describe('bad action bodies', () => {
  it.each(cases)('%s with %s → 400 %s and no session change', async (action, body, code) => {
    const shopper = store.shopper();
    const answer = await store.rawAction(shopper, action, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(await store.decode(answer.sessionToken)).toEqual(await store.sessionOf(shopper));
  });

  it('an unknown line item in an existing cart is a 400 UNKNOWN_LINE_ITEM', async () => {
    const shopper = store.shopper();
    const { call } = await import('./support/store.js');
    await call(store.sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const answer = await store.rawAction(shopper, 'cart/updateLineItem', JSON.stringify({ lineItemId: 'no-such-line-item', count: 2 }));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code: 'UNKNOWN_LINE_ITEM', message: expect.any(String) } });
  });

  it('an out-of-range delayMs is a 400', async () => {
    const answer = await store.rawAction(store.shopper(), 'examples/addFiftyRewardsPoints', '{}', '?delayMs=999999');
    expect(answer.status).toBe(400);
  });
});
