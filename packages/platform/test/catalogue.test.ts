import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CATEGORIES, PRODUCTS } from '../src/index.js';
import { clientSdk, customerToken, sdkFailure, startPlatform, type Platform } from './support/platform.js';

describe('seeded catalogue', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('has at least 12 published products with sku, name, description, EUR price and a local image', async () => {
    const client = clientSdk(platform);
    const projections = await client.api.productProjections().get({ queryArgs: { limit: 100 } }).execute();
    expect(projections.body.total).toBeGreaterThanOrEqual(12);
    expect(projections.body.total).toBe(PRODUCTS.length);
    for (const product of projections.body.results) {
      const variant = product.masterVariant;
      expect(variant.sku).toMatch(/^[A-Z0-9-]+$/);
      expect(product.name.en).toBeTruthy();
      expect(product.name['en-US']).toBe(product.name.en);
      expect(product.description?.en).toBeTruthy();
      expect(variant.prices?.[0]?.value).toMatchObject({ currencyCode: 'EUR' });
      expect(variant.prices?.[0]?.value.centAmount).toBeGreaterThan(0);
      expect(product.categories).toHaveLength(1);
      const image = variant.images?.[0];
      expect(image?.url.startsWith(`${platform.url}/images/`)).toBe(true);
    }
  });

  it('serves every product image itself, as SVG', async () => {
    const client = clientSdk(platform);
    const projections = await client.api.productProjections().get({ queryArgs: { limit: 100 } }).execute();
    for (const product of projections.body.results) {
      const response = await fetch(product.masterVariant.images?.[0]?.url as string);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toContain('<svg');
    }
    expect((await fetch(`${platform.url}/images/nothing.svg`)).status).toBe(404);
  });

  it('finds a product by sku: search filter and masterVariant predicate', async () => {
    const client = clientSdk(platform);
    const search = await client.api
      .productProjections()
      .search()
      .get({ queryArgs: { filter: ['variants.sku:"PEN-FOUNTAIN-F"'] } })
      .execute();
    expect(search.body.results.map((p) => p.masterVariant.sku)).toEqual(['PEN-FOUNTAIN-F']);
    const query = await client.api
      .productProjections()
      .get({ queryArgs: { where: 'masterVariant(sku = :sku)', 'var.sku': 'CHAIR-CAMP-01' } })
      .execute();
    expect(query.body.results.map((p) => p.key)).toEqual(['camping-chair']);
  });

  it('lists a category’s products with a categories predicate', async () => {
    const client = clientSdk(platform);
    const kitchen = await client.api.categories().withKey({ key: 'kitchen' }).get().execute();
    const inKitchen = await client.api
      .productProjections()
      .get({ queryArgs: { where: 'categories(id = :category)', 'var.category': kitchen.body.id, limit: 50 } })
      .execute();
    expect(inKitchen.body.results.map((p) => p.key).sort()).toEqual(PRODUCTS.filter((p) => p.category === 'kitchen').map((p) => p.key).sort());
  });

  it('search filters by category, as the mock alone cannot', async () => {
    const client = clientSdk(platform);
    const kitchen = (await client.api.categories().withKey({ key: 'kitchen' }).get().execute()).body;
    const outdoor = (await client.api.categories().withKey({ key: 'outdoor' }).get().execute()).body;
    const expected = (keys: string[]) => PRODUCTS.filter((p) => keys.includes(p.category)).map((p) => p.key).sort();
    const one = await client.api.productProjections().search().get({ queryArgs: { filter: [`categories.id:"${kitchen.id}"`], limit: 50 } }).execute();
    expect(one.body.results.map((p) => p.key).sort()).toEqual(expected(['kitchen']));
    expect(one.body.total).toBe(expected(['kitchen']).length);
    const two = await client.api
      .productProjections()
      .search()
      .get({ queryArgs: { 'filter.query': [`categories.id:"${kitchen.id}","${outdoor.id}"`], limit: 2, offset: 1 } })
      .execute();
    expect(two.body.total).toBe(expected(['kitchen', 'outdoor']).length);
    expect(two.body).toMatchObject({ count: 2, limit: 2, offset: 1 });
  });

  it('search matches text in the given locale', async () => {
    const client = clientSdk(platform);
    const mug = await client.api.productProjections().search().get({ queryArgs: { 'text.en': 'enamel MUG' } }).execute();
    expect(mug.body.results.map((p) => p.key)).toEqual(['enamel-mug']);
    const bySku = await client.api.productProjections().search().get({ queryArgs: { 'text.de-DE': 'pen-fountain' } }).execute();
    expect(bySku.body.results.map((p) => p.key)).toEqual(['fountain-pen']);
    const none = await client.api.productProjections().search().get({ queryArgs: { 'text.en': 'submarine' } }).execute();
    expect(none.body.total).toBe(0);
  });

  it('refuses a malformed category filter with 400 InvalidInput', async () => {
    const failure = await sdkFailure(clientSdk(platform).api.productProjections().search().get({ queryArgs: { filter: ['categories.id: nonsense'] } }).execute());
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('InvalidInput');
  });

  it('has the categories', async () => {
    const categories = await clientSdk(platform).api.categories().get({ queryArgs: { sort: ['orderHint asc'] } }).execute();
    expect(categories.body.results.map((c) => c.key).sort()).toEqual(CATEGORIES.map((c) => c.key).sort());
  });

  it('has the demo customer from the README', async () => {
    const token = await customerToken(platform, 'demo@example.com', 'demo-password');
    expect(token.scope).toContain('customer_id:');
  });

  it('seeding again changes nothing', async () => {
    const admin = clientSdk(platform).api;
    const before = (await admin.products().get({ queryArgs: { limit: 100 } }).execute()).body.results;
    await platform.seed();
    const after = (await admin.products().get({ queryArgs: { limit: 100 } }).execute()).body.results;
    expect(after).toEqual(before);
    expect((await admin.customers().get().execute()).body.total).toBe(1);
    expect((await admin.categories().get().execute()).body.total).toBe(CATEGORIES.length);
  });

  it('seeding after a wipe brings the catalogue back', async () => {
    await platform.mock.clear();
    await platform.seed();
    const admin = clientSdk(platform).api;
    expect((await admin.productProjections().get().execute()).body.total).toBe(PRODUCTS.length);
    expect((await customerToken(platform, 'demo@example.com', 'demo-password')).access_token).toBeTruthy();
  });
});

describe('product search on a deeper category tree', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('search filters by category subtree', async () => {
    const client = clientSdk(platform);
    const kitchen = (await client.api.categories().withKey({ key: 'kitchen' }).get().execute()).body;
    const knives = await client.api
      .categories()
      .post({ body: { key: 'knives', name: { en: 'Knives' }, slug: { en: 'knives' }, parent: { typeId: 'category', id: kitchen.id } } })
      .execute();
    const type = (await client.api.productTypes().withKey({ key: 'home-goods' }).get().execute()).body;
    await client.api
      .products()
      .post({
        body: {
          key: 'paring-knife',
          productType: { typeId: 'product-type', id: type.id },
          name: { en: 'Paring Knife' },
          slug: { en: 'paring-knife' },
          categories: [{ typeId: 'category', id: knives.body.id }],
          publish: true,
          masterVariant: { sku: 'KNIFE-PARING-09', prices: [{ value: { currencyCode: 'EUR', centAmount: 2500 } }] },
        },
      })
      .execute();
    const subtree = await client.api.productProjections().search().get({ queryArgs: { filter: [`categories.id: subtree("${kitchen.id}")`], limit: 50 } }).execute();
    expect(subtree.body.results.map((p) => p.key)).toContain('paring-knife');
    expect(subtree.body.total).toBe(PRODUCTS.filter((p) => p.category === 'kitchen').length + 1);
    const direct = await client.api.productProjections().search().get({ queryArgs: { filter: [`categories.id:"${kitchen.id}"`], limit: 50 } }).execute();
    expect(direct.body.results.map((p) => p.key)).not.toContain('paring-knife');
  });
});
