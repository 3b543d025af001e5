import { describe, expect, it } from '@jest/globals';
import type { ProductSearchRequest } from '@commercetools/platform-sdk';
import { PRODUCTS } from '../src/index.js';
import { api, sdkFailure, usePlatform } from './support/platform.js';

// The shapes a launchpad-style bundle sends (observed facts, written anew): a text box becomes wildcards
// over the localized text fields plus a case-insensitive SKU match; the price facet is a ranges facet.
function textSearch(text: string, language = 'en'): ProductSearchRequest {
  const wildcards = ['name', 'description', 'slug', 'searchKeywords'].map((field) => ({
    wildcard: { field, language, value: `*${text}*`, caseInsensitive: true },
  }));
  return {
    query: { and: [{ or: [...wildcards, { exact: { field: 'variants.sku', value: text, caseInsensitive: true } }] }] },
    productProjectionParameters: {
      priceCountry: 'DE',
      priceCurrency: 'EUR',
      expand: ['categories[*].ancestors[*]', 'categories[*].parent', 'masterVariant.prices[*].discounted.discount', 'productType'],
    },
    markMatchingVariants: true,
    postFilter: {},
    limit: 24,
    sort: [
      { field: 'score', order: 'desc' },
      { field: 'id', order: 'desc' },
    ],
    facets: [{ ranges: { name: 'variants.prices', field: 'variants.prices.centAmount', level: 'products', ranges: [{ from: 0 }] } }],
  };
}

const inCategory = (key: string) => PRODUCTS.filter((product) => product.category === key).map((product) => product.sku).sort();

describe('POST /{projectKey}/products/search', () => {
  const running = usePlatform();
  const search = async (body: ProductSearchRequest) => (await running.client.api.products().search().post({ body }).execute()).body;
  const skus = (answer: Awaited<ReturnType<typeof search>>) => answer.results.map((result) => result.productProjection?.masterVariant.sku).sort();

  it('answers a text search with wildcards over searchKeywords and a missing field (the mock crashed on it)', async () => {
    const answer = await search(textSearch('mug'));
    expect(skus(answer)).toEqual(['MUG-ENAMEL-01']);
    expect(answer).toMatchObject({ total: 1, offset: 0, limit: 24 });
    const [hit] = answer.results;
    expect(hit?.productProjection?.masterVariant.price?.value.currencyCode).toBe('EUR');
    expect(hit?.productProjection?.productType.obj?.key).toBe('home-goods');
    expect(hit?.matchingVariants).toEqual({ allMatched: true, matchedVariants: [{ id: 1, sku: 'MUG-ENAMEL-01' }] });
    expect(answer.facets).toEqual([{ name: 'variants.prices', buckets: [{ key: '0-*', count: 1 }] }]);
  });

  it('finds products by their search keywords, case-insensitively, in another language', async () => {
    expect(skus(await search(textSearch('KITCH', 'de')))).toEqual(inCategory('kitchen'));
  });

  it('finds a product by its SKU in any case', async () => {
    expect(skus(await search(textSearch('pen-fountain-f')))).toEqual(['PEN-FOUNTAIN-F']);
  });

  it('an empty result is a 200 with total 0', async () => {
    expect(await search(textSearch('submarine'))).toMatchObject({ total: 0, results: [] });
  });

  it('the bundles’ default query (name wildcard "*") lists the catalogue; without projection parameters only ids come back', async () => {
    const everything = await search({ query: { wildcard: { field: 'name', language: 'en', value: '*' } }, limit: 100 });
    expect(everything.total).toBe(PRODUCTS.length);
    expect(everything.results[0]).toEqual({ id: expect.any(String) });
    expect((await search({})).total).toBe(PRODUCTS.length);
  });

  it('pages with limit and offset, and refuses limits commercetools refuses', async () => {
    const { client } = running;
    const first = await search({ sort: [{ field: 'key', order: 'asc' }], limit: 3, offset: 0, productProjectionParameters: {} });
    const second = await search({ sort: [{ field: 'key', order: 'asc' }], limit: 3, offset: 3, productProjectionParameters: {} });
    const keys = PRODUCTS.map((product) => product.key).sort();
    expect(first.results.map((result) => result.productProjection?.key)).toEqual(keys.slice(0, 3));
    expect(second.results.map((result) => result.productProjection?.key)).toEqual(keys.slice(3, 6));
    expect(second.total).toBe(PRODUCTS.length);
    for (const bad of [{ limit: 101 }, { limit: -1 }, { offset: 10_001 }, { limit: 2.5 }]) {
      expect(await sdkFailure(client.api.products().search().post({ body: bad as ProductSearchRequest }).execute())).toMatchObject({ status: 400, code: 'InvalidInput' });
    }
  });

  it('sorts by a localized field and by price', async () => {
    const byName = await search({ sort: [{ field: 'name', language: 'en', order: 'desc' }], limit: 100, productProjectionParameters: {} });
    const names = byName.results.map((result) => result.productProjection?.name.en as string);
    expect(names).toEqual([...names].sort().reverse());
    const byPrice = await search({ sort: [{ field: 'variants.prices.centAmount', order: 'asc' }], limit: 2, productProjectionParameters: {} });
    const cheapest = [...PRODUCTS].sort((a, b) => a.centAmount - b.centAmount).slice(0, 2).map((product) => product.sku);
    expect(byPrice.results.map((result) => result.productProjection?.masterVariant.sku)).toEqual(cheapest);
  });

  it('filters by category subtree, and postFilter narrows the results but not the facets', async () => {
    const { client } = running;
    const kitchen = (await client.api.categories().withKey({ key: 'kitchen' }).get().execute()).body;
    const answer = await search({
      query: { exact: { field: 'categoriesSubTree', value: kitchen.id } },
      postFilter: { and: [{ range: { field: 'variants.prices.centAmount', lte: 2000 } }, { exact: { field: 'variants.prices.currencyCode', value: 'EUR' } }] },
      facets: [
        { count: { name: 'all-kitchen' } },
        { distinct: { name: 'skus', field: 'variants.sku', sort: { by: 'key', order: 'asc' }, limit: 2 } },
        { ranges: { name: 'price', field: 'variants.prices.centAmount', ranges: [{ to: 2000 }, { from: 2000, key: 'dear' }] } },
      ],
      productProjectionParameters: {},
    });
    const cheapKitchen = PRODUCTS.filter((product) => product.category === 'kitchen' && product.centAmount <= 2000).map((product) => product.sku).sort();
    expect(skus(answer)).toEqual(cheapKitchen);
    expect(answer.total).toBe(cheapKitchen.length);
    const [count, distinct, ranges] = answer.facets as unknown as [{ value: number }, { buckets: { key: string }[] }, { buckets: { key: string; count: number }[] }];
    expect(count.value).toBe(inCategory('kitchen').length);
    expect(distinct.buckets.map((bucket) => bucket.key)).toEqual(inCategory('kitchen').slice(0, 2));
    expect(ranges.buckets.map((bucket) => bucket.key)).toEqual(['*-2000', 'dear']);
  });

  it('filters by store: a store offers every product, as one without product selections does (B2B storefronts search by store id)', async () => {
    const { client } = running;
    const store = (await client.api.stores().withKey({ key: 'default' }).get().execute()).body;
    const inStore = await search({ query: { and: [{ exact: { field: 'stores', value: store.id } }, { exact: { field: 'variants.sku', value: 'MUG-ENAMEL-01' } }] }, productProjectionParameters: {} });
    expect(skus(inStore)).toEqual(['MUG-ENAMEL-01']);
    expect((await search({ query: { exact: { field: 'stores', value: store.id } }, limit: 100 })).total).toBe(PRODUCTS.length);
    expect((await search({ query: { exact: { field: 'variants.stores', value: store.id } }, limit: 100 })).total).toBe(PRODUCTS.length);
    expect((await search({ query: { exact: { field: 'stores', value: 'no-such-store' } } })).total).toBe(0);
  });

  it('fullText (all / any), fullTextPrefix, fuzzy, prefix, exists and not', async () => {
    const sku = async (query: ProductSearchRequest['query']) => skus(await search({ query, productProjectionParameters: {}, limit: 100 }));
    expect(await sku({ fullText: { field: 'name', language: 'en', value: 'reading lamp' } })).toEqual(['LAMP-READ-01']);
    expect(await sku({ fullText: { field: 'name', language: 'en', value: 'reading submarine', mustMatch: 'any' } })).toEqual(['LAMP-READ-01']);
    expect(await sku({ fullText: { field: 'name', language: 'en', value: 'reading submarine' } })).toEqual([]);
    expect(await sku({ fullTextPrefix: { field: 'name', language: 'en', value: 'reading la' } })).toEqual(['LAMP-READ-01']);
    expect(await sku({ fuzzy: { field: 'name', language: 'en', value: 'lamb', level: 1 } })).toEqual(['LAMP-READ-01']);
    expect(await sku({ fuzzy: { field: 'name', language: 'en', value: 'lamb', level: 0 } })).toEqual([]);
    expect(await sku({ prefix: { field: 'variants.sku', value: 'chair', caseInsensitive: true } })).toEqual(['CHAIR-CAMP-01']);
    expect((await sku({ exists: { field: 'description', language: 'en' } })).length).toBe(PRODUCTS.length);
    expect(await sku({ exists: { field: 'metaTitle', language: 'en' } })).toEqual([]);
    expect((await sku({ not: [{ exact: { field: 'key', value: 'enamel-mug' } }] })).length).toBe(PRODUCTS.length - 1);
    expect(await sku({ exact: { field: 'key', values: ['enamel-mug', 'wool-throw'] } })).toEqual(['MUG-ENAMEL-01', 'THROW-WOOL-01']);
  });

  it('selects the price in the requested currency, falling back to prices without a country', async () => {
    const { client } = running;
    const answer = await search({ ...textSearch('mug'), productProjectionParameters: { priceCurrency: 'USD', priceCountry: 'US' } });
    const mug = PRODUCTS.find((product) => product.sku === 'MUG-ENAMEL-01');
    const usd = answer.results[0]?.productProjection?.masterVariant.price?.value;
    expect(usd?.currencyCode).toBe('USD');
    expect(usd?.centAmount).toBe(answer.results[0]?.productProjection?.masterVariant.prices?.find((price) => price.value.currencyCode === 'USD')?.value.centAmount);
    expect(usd?.centAmount).not.toBe(mug?.centAmount);
    expect(await sdkFailure(client.api.products().search().post({ body: { productProjectionParameters: { priceCountry: 'DE' } } }).execute())).toMatchObject({ status: 400, code: 'InvalidInput' });
  });

  it('a product lacking a searched field simply does not match (no crash)', async () => {
    const answer = await search({ query: { or: [{ wildcard: { field: 'metaDescription', language: 'en', value: '*a*' } }, { wildcard: { field: 'variants.attributes.color', value: '*' } }] } });
    expect(answer.total).toBe(0);
  });

  it('refuses malformed requests with commercetools’ 400s, never a 500', async () => {
    const { platform, client } = running;
    const token = (await client.tokens.current())?.token;
    const malformed = await api(platform, 'POST', '/products/search', token, '{"query":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].code).toBe('InvalidJsonInput');
    const bad: unknown[] = [
      { query: 'mug' },
      { query: { wildcard: { field: 'name', language: 'en' } } },
      { query: { wildcard: { value: '*' } } },
      { query: { banana: { field: 'name' } } },
      { query: { and: { exact: { field: 'key', value: 'x' } } } },
      { query: { exact: { field: 'key', value: { nested: true } } } },
      { query: { fuzzy: { field: 'name', value: 'x', level: 7 } } },
      { query: { range: { field: 'variants.prices.centAmount' } } },
      { query: { exact: { field: 'key', value: 'x' }, or: [] } },
      { sort: [{ field: 'name' }] },
      { facets: [{ distinct: { name: 'x' } }] },
      { facets: [{ ranges: { name: 'x', field: 'y', ranges: [] } }] },
      { markMatchingVariants: 'yes' },
    ];
    for (const body of bad) {
      const answer = await api(platform, 'POST', '/products/search', token, body);
      expect({ body, status: answer.status, code: answer.body.errors?.[0]?.code }).toEqual({ body, status: 400, code: 'InvalidInput' });
    }
  });
});

describe('GET /{projectKey}/product-projections/search text', () => {
  const running = usePlatform();
  const skusFor = async (queryArgs: Record<string, string | boolean | number>) =>
    (await running.client.api.productProjections().search().get({ queryArgs }).execute()).body.results.map((product) => product.masterVariant.sku).sort();

  it('matches search keywords, wildcards and, with fuzzy, near misses', async () => {
    expect(await skusFor({ 'text.en': 'outdoor' })).toEqual(inCategory('outdoor'));
    expect(await skusFor({ 'text.en': 'enam*' })).toEqual(['MUG-ENAMEL-01']);
    expect(await skusFor({ 'text.en': 'lamb' })).toEqual([]);
    expect(await skusFor({ 'text.en': 'lamb', fuzzy: true })).toEqual(['LAMP-READ-01']);
    expect(await skusFor({ 'text.en': 'lamb', fuzzy: true, fuzzyLevel: 0 })).toEqual([]);
  });

  it('refuses a malformed fuzzy or fuzzyLevel', async () => {
    const { platform, client } = running;
    const token = (await client.tokens.current())?.token;
    const maybe = await api(platform, 'GET', '/product-projections/search?text.en=mug&fuzzy=maybe', token);
    expect(maybe.status).toBe(400);
    expect(maybe.body.errors[0].code).toBe('InvalidInput');
    expect(await sdkFailure(client.api.productProjections().search().get({ queryArgs: { 'text.en': 'mug', fuzzy: true, fuzzyLevel: 5 } }).execute())).toMatchObject({ status: 400, code: 'InvalidInput' });
  });
});
