import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS } from '@ctp-session/platform';
import { startStore, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterEach(() => {
  store.platform.faults.set(NO_FAULTS);
});
afterAll(async () => {
  await store?.close();
});

async function page(path: string): Promise<{ status: number; text: string }> {
  const answer = await fetch(`${store.hub.url}/frontastic/page`, { method: 'POST', headers: { 'frontastic-path': path, 'frontastic-locale': 'en_US', 'content-type': 'application/json' }, body: '{}' });
  return { status: answer.status, text: await answer.text() };
}

describe('page paths the dynamic page handler cannot decode', () => {
  it.each(['/p/%zz', '/p/%E0%A4%A', '/p/%'])('%s is a 404, not a 500', async (path) => {
    const answer = await page(path);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'PAGE_NOT_FOUND' });
  });

  it('a SKU with quotes in a page path is an unknown product (404), not an error', async () => {
    expect((await page('/p/a%22b')).status).toBe(404);
    expect((await page('/p/%22%20or%20sku%20%3D%20%22MUG-ENAMEL-01')).status).toBe(404);
  });
});

describe('upstream errors reach shoppers as our error codes, never as commercetools’ text', () => {
  const UPSTREAM_TEXT = 'Service Unavailable (injected fault)';

  it('a commercetools 503 on a page is reported with our code and message', async () => {
    store.platform.faults.set({ unavailableRate: 1 });
    const answer = await page('/p/LAMP-READ-01');
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain(UPSTREAM_TEXT);
    expect(answer.text).toContain('PLATFORM_ERROR');
  });

  it('platform down on a page: PLATFORM_UNAVAILABLE, no network error text', async () => {
    store.platform.faults.set({ refuseConnections: true });
    const answer = await page('/p/LAMP-READ-01');
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('PLATFORM_UNAVAILABLE');
    expect(answer.text).not.toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('actions map a 503 to PLATFORM_ERROR without the upstream text', async () => {
    store.platform.faults.set({ unavailableRate: 1 });
    const answer = await store.rawAction(store.shopper(), 'cart/addToCart', JSON.stringify({ sku: 'MUG-ENAMEL-01' }));
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({ error: { code: 'PLATFORM_ERROR', message: expect.any(String) } });
    expect(JSON.stringify(answer.json)).not.toContain(UPSTREAM_TEXT);
  });

  it('a SKU with quotes in addToCart is an ordinary UNKNOWN_SKU', async () => {
    for (const sku of ['a"b', '"', 'x" or sku = "MUG-ENAMEL-01']) {
      const answer = await store.rawAction(store.shopper(), 'cart/addToCart', JSON.stringify({ sku }));
      expect({ sku, status: answer.status, json: answer.json }).toEqual({ sku, status: 400, json: { error: { code: 'UNKNOWN_SKU', message: expect.any(String) } } });
    }
  });
});
