import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS } from '@ctp-session/platform';
import type { Cart } from '../src/types/Cart.js';
import { call, dataOf, startStore, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  // A short commercetools deadline keeps the "slow platform" case quick; the rule is the same at 8 s.
  store = await startStore({ commercetoolsTimeoutMs: 400 });
});
afterEach(() => {
  store.platform.faults.set(NO_FAULTS);
});
afterAll(async () => {
  await store?.close();
});

describe('a platform that is slow, failing or down', () => {
  const cases = [
    { name: 'slow (past the deadline)', faults: { latencyMs: 1_500 }, status: 504, code: 'PLATFORM_TIMEOUT' },
    { name: 'failing (503s)', faults: { unavailableRate: 1 }, status: 502, code: 'PLATFORM_ERROR' },
    { name: 'down (connections refused)', faults: { refuseConnections: true }, status: 502, code: 'PLATFORM_UNAVAILABLE' },
  ] as const;

  for (const { name, faults, status, code } of cases) {
    it(`${name}: ${status} ${code}, session intact, next call succeeds once it is back`, async () => {
      const shopper = store.shopper();
      const before = dataOf(await call<Cart>(store.sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }));
      const sessionBefore = await store.sessionOf(shopper);

      store.platform.faults.set(faults);
      const answer = await store.rawAction(shopper, 'cart/addToCart', JSON.stringify({ sku: 'PAN-CAST-26' }));
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
      // The hub re-issues the incoming session unchanged (or sends none): never a changed one.
      expect(await store.decode(answer.sessionToken)).toEqual(sessionBefore);

      store.platform.faults.set(NO_FAULTS);
      const after = dataOf(await call<Cart>(store.sdk, shopper, 'cart/addToCart', { sku: 'PAN-CAST-26' }));
      expect(after.id).toBe(before.id);
      expect(after.lineItems.map((item) => item.sku).sort()).toEqual(['MUG-ENAMEL-01', 'PAN-CAST-26']);
    });
  }

  it('error bodies never carry tokens or credentials', async () => {
    const shopper = store.shopper();
    await call(store.sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    store.platform.faults.set({ unavailableRate: 1 });
    const answer = await store.rawAction(shopper, 'cart/getCart');
    const session = await store.sessionOf(shopper);
    const token = (session.token as { accessToken: string }).accessToken;
    const text = JSON.stringify(answer.json) + store.logs.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain(store.platform.clientSecret);
  });
});
