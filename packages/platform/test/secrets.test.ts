import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anonymousToken, api, customerToken, startPlatform, tokenRequest, type Platform } from './support/platform.js';

let platform: Platform;
const internalErrors: unknown[] = [];
let admin: string;
let guest: string;
let customer: string;
let customerId: string;
beforeAll(async () => {
  platform = await startPlatform({ port: 0, onError: (error) => internalErrors.push(error) });
  admin = await clientToken();
  guest = (await anonymousToken(platform)).access_token;
  const demo = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
  customer = demo.access_token;
  customerId = /customer_id:(\S+)/.exec(demo.scope)?.[1] ?? '';
});
afterAll(async () => {
  await platform.close();
  expect(internalErrors).toEqual([]);
});

async function clientToken(scope?: string): Promise<string> {
  const answer = await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) });
  if (answer.status !== 200) throw new Error(`client token: ${answer.status}`);
  return answer.body.access_token as string;
}

const scoped = (...names: string[]) => names.map((name) => `${name}:${platform.projectKey}`).join(' ');

/** The raw text of an answer: a password must not appear anywhere in it, under any key. */
async function text(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${platform.apiUrl}/${platform.projectKey}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

describe('no answer carries a password', () => {
  it('customer reads, sign-up, sign-in and /me leave it out; signing in still checks it', async () => {
    const email = `secret-${Date.now()}@example.com`;
    const password = 'a-password-to-hide';
    const answers = [
      await text('POST', '/customers', admin, { email, password }),
      await text('GET', '/customers', admin),
      await text('GET', `/customers/${customerId}`, admin),
      await text('GET', `/customers?where=${encodeURIComponent(`email = "${email}"`)}`, admin),
      await text('POST', '/login', admin, { email, password }),
      await text('POST', '/me/login', guest, { email: platform.demoCustomer.email, password: platform.demoCustomer.password }),
      await text('POST', '/me/signup', (await anonymousToken(platform)).access_token, { email: `me-${email}`, password }),
      await text('GET', '/me', customer),
      await text('POST', '/me', customer, { version: 1, actions: [] }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(400);
      expect(answer.text).not.toMatch(/"password"/);
      expect(answer.text).not.toContain(Buffer.from(password).toString('base64'));
      expect(answer.text).not.toContain(Buffer.from(platform.demoCustomer.password).toString('base64'));
    }
    expect((await tokenRequest(platform, `/oauth/${platform.projectKey}/customers/token`, { grant_type: 'password', username: email, password })).status).toBe(200);
    expect((await tokenRequest(platform, `/oauth/${platform.projectKey}/customers/token`, { grant_type: 'password', username: email, password: 'wrong' })).status).toBe(400);
  });
});

describe('shopper tokens reach only /me, the public catalogue and the auth server', () => {
  const projectWide = (orderId: string, cartId: string): Array<[string, string, unknown?]> => [
    ['GET', '/customers'],
    ['GET', `/customers/${customerId}`],
    ['POST', '/customers', { email: 'probe@example.com', password: 'probe-password' }],
    ['POST', '/login', { email: 'demo@example.com', password: 'demo-password' }],
    ['GET', '/orders'],
    ['GET', `/orders/${orderId}`],
    ['GET', '/carts'],
    ['GET', `/carts/${cartId}`],
    ['POST', `/carts/${cartId}`, { version: 1, actions: [] }],
    ['GET', '/products'],
    ['GET', ''],
    ['GET', '/shipping-methods'],
  ];

  async function anOrder(): Promise<{ orderId: string; cartId: string }> {
    const shopper = (await anonymousToken(platform)).access_token;
    const cart = (await api(platform, 'POST', '/me/carts', shopper, { currency: 'EUR', lineItems: [{ sku: 'MUG-ENAMEL-01' }] })).body;
    const order = (await api(platform, 'POST', '/me/orders', shopper, { id: cart.id, version: cart.version })).body;
    const openCart = (await api(platform, 'POST', '/me/carts', shopper, { currency: 'EUR' })).body;
    return { orderId: order.id, cartId: openCart.id };
  }

  it.each(['guest', 'customer'] as const)('a %s token gets 403 insufficient_scope from project-wide endpoints', async (who) => {
    const token = who === 'guest' ? guest : customer;
    const { orderId, cartId } = await anOrder();
    for (const [method, path, body] of projectWide(orderId, cartId)) {
      const answer = await api(platform, method, path, token, body);
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
      expect(answer.body).toMatchObject({ statusCode: 403, errors: [{ code: 'insufficient_scope' }] });
    }
  });

  it.each(['guest', 'customer'] as const)('a %s token still reads the published catalogue and its own /me', async (who) => {
    const token = who === 'guest' ? guest : customer;
    for (const path of ['/product-projections', '/product-projections/search?limit=1', '/categories', '/me/carts', '/me/orders']) {
      expect({ path, status: (await api(platform, 'GET', path, token)).status }).toEqual({ path, status: 200 });
    }
    const category = (await api(platform, 'GET', '/categories?limit=1', token)).body.results[0];
    expect((await api(platform, 'GET', `/categories/${category.id}`, token)).status).toBe(200);
    expect((await api(platform, 'POST', '/product-projections', token, {})).status).toBe(403);
  });
});

describe('project-wide customer, order and cart endpoints need a client token with the matching scope', () => {
  it('reads need view_* or manage_*, writes need manage_*; manage_project covers everything', async () => {
    const catalogueOnly = await clientToken(scoped('view_published_products', 'view_categories'));
    const viewer = await clientToken(scoped('view_customers', 'view_orders'));
    const manager = await clientToken(scoped('manage_customers', 'manage_orders'));
    const project = await clientToken(scoped('manage_project'));
    const draft = () => ({ email: `scope-${Math.random()}@example.com`, password: 'scope-password' });
    const signIn = { email: platform.demoCustomer.email, password: platform.demoCustomer.password };

    for (const path of ['/customers', '/orders', '/carts']) {
      expect((await api(platform, 'GET', path, catalogueOnly)).status).toBe(403);
      expect((await api(platform, 'GET', path, viewer)).status).toBe(200);
      expect((await api(platform, 'GET', path, manager)).status).toBe(200);
    }
    expect((await api(platform, 'GET', '/product-projections', catalogueOnly)).status).toBe(200);
    expect((await api(platform, 'POST', '/customers', viewer, draft())).status).toBe(403);
    expect((await api(platform, 'POST', '/login', viewer, signIn)).status).toBe(403);
    expect((await api(platform, 'POST', '/carts', viewer, { currency: 'EUR' })).status).toBe(403);
    expect((await api(platform, 'POST', '/customers', manager, draft())).status).toBe(201);
    expect((await api(platform, 'POST', '/login', manager, signIn)).status).toBe(200);
    expect((await api(platform, 'POST', '/carts', manager, { currency: 'EUR' })).status).toBe(201);
    expect((await api(platform, 'POST', '/customers', project, draft())).status).toBe(201);
    expect((await api(platform, 'GET', '/orders', project)).status).toBe(200);
    const refused = await api(platform, 'GET', '/customers', catalogueOnly);
    expect(refused.body.errors[0].message).toMatch(/view_customers/);
  });
});

describe('bad JSON never reaches the mock as a 500', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('JSON nested 100,000 deep is a 400 InvalidJsonInput wherever it is sent', async () => {
    const body = `{"currency":"EUR","email":"deep@example.com","password":"deep-password","custom":${deep(100_000)}}`;
    for (const [path, token] of [['/me/carts', guest], ['/me/signup', (await anonymousToken(platform)).access_token], ['/carts', admin], ['/customers', admin], ['/me', customer]] as const) {
      const answer = await api(platform, 'POST', path, token, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.errors[0].code).toBe('InvalidJsonInput');
    }
  });

  it('ordinary nesting still passes', async () => {
    const answer = await api(platform, 'POST', '/me/carts', guest, `{"currency":"EUR","custom":{"type":{"key":"none"},"fields":{"a":${deep(20)}}}}`);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.[0]?.detailedErrorMessage ?? '').not.toMatch(/nested/);
  });
});

describe('a SKU with quotes is an ordinary unknown SKU', () => {
  it('in a cart draft and in addLineItem it answers as any unknown SKU does', async () => {
    const unknown = await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR', lineItems: [{ sku: 'NO-SUCH-SKU' }] });
    expect(unknown.status).toBe(400);
    const expected = (sku: string) => ({ statusCode: 400, message: unknown.body.message.replace('NO-SUCH-SKU', sku), errors: [{ code: unknown.body.errors[0].code }] });
    for (const sku of ['a"b', '"', 'x" or sku = "MUG-ENAMEL-01']) {
      const draft = await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR', lineItems: [{ sku }] });
      expect(draft.body).toMatchObject(expected(sku));
      const cart = (await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR' })).body;
      const add = await api(platform, 'POST', `/me/carts/${cart.id}`, guest, { version: cart.version, actions: [{ action: 'addLineItem', sku }] });
      expect(add.body).toMatchObject(expected(sku));
    }
  });

  it('a product whose SKU really has a quote can be added by that SKU', async () => {
    const type = (await api(platform, 'GET', '/product-types?limit=1', admin)).body.results[0];
    const sku = 'QUOTE-"TEST"-01';
    await api(platform, 'POST', '/products', admin, {
      productType: { typeId: 'product-type', id: type.id },
      name: { en: 'Quoted' },
      slug: { en: 'quoted' },
      publish: true,
      masterVariant: { sku, prices: [{ value: { currencyCode: 'EUR', centAmount: 100 } }] },
    });
    const cart = (await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR' })).body;
    const add = await api(platform, 'POST', `/me/carts/${cart.id}`, guest, { version: cart.version, actions: [{ action: 'addLineItem', sku, quantity: 2 }] });
    expect(add.status).toBe(200);
    expect(add.body.lineItems.map((item: { variant: { sku: string }; quantity: number }) => [item.variant.sku, item.quantity])).toEqual([[sku, 2]]);
    const draft = await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR', lineItems: [{ sku }] });
    expect(draft.status).toBe(201);
    expect(draft.body.lineItems[0].variant.sku).toBe(sku);
  });
});
