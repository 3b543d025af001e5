import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import extensions from '../src/index.js';
import type { Cart } from '../src/types/Cart.js';
import { call, dataOf, startStore, type Browser, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

/** Runs one data source through the hub's development route, as `shopper`. */
async function dataSource(shopper: Browser, type: string, configuration: Record<string, unknown> = {}): Promise<{ status: number; payload: unknown; session: string | null }> {
  const token = shopper.sessionCookie();
  const answer = await fetch(`${store.hub.url}/frontastic/data-source/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'frontastic-session': token }) },
    body: JSON.stringify({ configuration }),
  });
  const json = (await answer.json()) as { dataSourcePayload?: unknown };
  return { status: answer.status, payload: json.dataSourcePayload ?? json, session: answer.headers.get('frontastic-session') };
}

describe('data sources', () => {
  it('example/get-cart-id reads the cart id from the session', async () => {
    const shopper = store.shopper();
    expect((await dataSource(shopper, 'example/get-cart-id')).payload).toEqual({ cartId: null });
    const cart = dataOf(await call<Cart>(store.sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }));
    expect((await dataSource(shopper, 'example/get-cart-id')).payload).toEqual({ cartId: cart.id });
  });

  it('commercetools/cart, account and order read the session and never write it', async () => {
    const shopper = store.shopper();
    await call(store.sdk, shopper, 'cart/addToCart', { sku: 'PAN-CAST-26', count: 2 });
    const cart = await dataSource(shopper, 'commercetools/cart');
    expect(cart.payload).toMatchObject({ itemCount: 2, lineItems: [expect.objectContaining({ sku: 'PAN-CAST-26' })] });
    expect(cart.session).toBeNull();
    expect((await dataSource(shopper, 'commercetools/account')).payload).toEqual({ loggedIn: false });
    expect((await dataSource(shopper, 'commercetools/order')).payload).toEqual({ order: null });
    const order = dataOf(await call<{ id: string }>(store.sdk, shopper, 'cart/checkout', {}));
    expect((await dataSource(shopper, 'commercetools/order')).payload).toMatchObject({ order: { id: order.id } });
  });

  it('commercetools/product-list honours limit and category; commercetools/product finds a SKU', async () => {
    const guest = store.shopper();
    const all = (await dataSource(guest, 'commercetools/product-list', { limit: 12 })).payload as { products: Array<{ sku: string; price?: unknown; imageUrl?: string }> };
    expect(all.products).toHaveLength(12);
    expect(all.products[0]).toMatchObject({ price: { currencyCode: 'EUR' }, imageUrl: expect.stringContaining('/images/') });
    const kitchen = (await dataSource(guest, 'commercetools/product-list', { limit: '50', category: 'kitchen' })).payload as { products: unknown[] };
    expect(kitchen.products).toHaveLength(4);
    expect((await dataSource(guest, 'commercetools/product-list', { category: 'no-such-category' })).payload).toEqual({ products: [] });
    expect((await dataSource(guest, 'commercetools/product', { sku: 'LAMP-READ-01' })).payload).toMatchObject({ product: { sku: 'LAMP-READ-01', name: 'Reading Lamp' } });
    expect((await dataSource(guest, 'commercetools/product', { sku: 'NOPE' })).payload).toEqual({ product: null });
  });

  it('a data source whose platform fails returns an error payload, not a crash', async () => {
    store.platform.faults.set({ unavailableRate: 1 });
    try {
      const shopper = await store.shopperWithSession({ cartId: 'c', token: { accessToken: 'a', expirationTime: Date.now() + 3_600_000 } });
      expect((await dataSource(shopper, 'commercetools/cart')).payload).toEqual({ error: { code: 'PLATFORM_ERROR', message: expect.any(String) } });
    } finally {
      store.platform.faults.set({ unavailableRate: 0 });
    }
  });
});

describe('dynamic page handler', () => {
  const handler = extensions['dynamic-page-handler'];
  const context = (projectConfiguration: Record<string, unknown>) => ({
    frontasticContext: { environment: 'test', project: { projectId: 'p', name: 'p', customer: 'c', configuration: {}, locales: ['en_US'], defaultLocale: 'en_US' }, projectConfiguration, locale: 'en_US', featureFlags: {} },
  });
  const request = (path: string, sessionData: unknown = {}) => ({ method: 'POST', path: '/frontastic/page', query: { path }, sessionData });
  let config: Record<string, unknown>;
  beforeAll(() => {
    const { platform } = store;
    config = {
      EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
      EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
      EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
      EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
      EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
    };
  });

  it('resolves /p/{sku} to the product, and an unknown SKU to null', async () => {
    expect(await handler(request('/p/LAMP-READ-01'), context(config))).toMatchObject({ dynamicPageType: 'commercetools/product', dataSourcePayload: { product: { sku: 'LAMP-READ-01' } } });
    expect(await handler(request('/p/NO-SUCH'), context(config))).toBeNull();
  });

  it('redirects a guest from /account to /login, and /thank-you without an order to /', async () => {
    expect(await handler(request('/account'), context(config))).toEqual({ redirectLocation: '/login', statusCode: 302 });
    expect(await handler(request('/thank-you'), context(config))).toEqual({ redirectLocation: '/', statusCode: 302 });
  });

  it('resolves /cart to the session cart (empty for a guest) and other paths to null', async () => {
    expect(await handler(request('/cart'), context(config))).toMatchObject({ dynamicPageType: 'commercetools/cart', dataSourcePayload: { id: null } });
    expect(await handler(request('/some/static/page'), context(config))).toBeNull();
  });

  it('cannot write the session: the view it reads is frozen', async () => {
    const sessionData = { cartId: 'x' };
    await handler(request('/p/LAMP-READ-01', sessionData), context(config));
    expect(sessionData).toEqual({ cartId: 'x' });
  });
});

describe('configuration', () => {
  it('a missing commercetools setting is a clear error naming it', async () => {
    const action = extensions.actions.cart?.addToCart;
    const answer = await action?.({ method: 'POST', path: '/frontastic/action/cart/addToCart', query: {}, body: '{"sku":"X"}', sessionData: {} }, {});
    expect(answer?.statusCode).toBe(500);
    expect(JSON.parse(answer?.body ?? '{}')).toEqual({ error: { code: 'CONFIGURATION_MISSING', message: expect.stringContaining('EXTENSION_COMMERCETOOLS_PROJECT_KEY') } });
    expect(answer).not.toHaveProperty('sessionData');
  });
});
