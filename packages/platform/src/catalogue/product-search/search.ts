import type { ProductProjection, ProductSearchResult, Store } from '@commercetools/platform-sdk';
import type { ApiContext } from '../../context.js';
import { isObject, jsonObjectBody, type JsonObject } from '../../http/body.js';
import type { Router } from '../../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../../http/types.js';
import { ancestorIds } from '../search.js';
import { compileFacets, type Hit } from './facets.js';
import type { SearchTarget } from './fields.js';
import { selectPrices } from './price-selection.js';
import { compileQuery, invalid } from './query.js';
import { compileSort } from './sort.js';

// The whole local catalogue in one page of the mock's projections (the mock's own maximum).
const CATALOGUE_PAGE = 500;
const LIMITS = { limit: { fallback: 20, max: 100 }, offset: { fallback: 0, max: 10_000 } } as const;
const PROJECTION_PARAMETERS = ['localeProjection', 'storeProjection'] as const;

/**
 * `POST /{projectKey}/products/search`, answered here. The mock's own search crashes on a wildcard over a
 * field a product lacks (`searchKeywords`, a missing `description`: "Cannot read properties of undefined
 * (reading 'toLowerCase')") and ignores `postFilter`, `sort`, `facets` and case-insensitive `exact`.
 * The mock still supplies the product projections and expands their references; prices are selected here.
 */
export function registerProductSearch(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/products/search', searchProducts);
}

async function searchProducts(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const limit = paging(body, 'limit');
  const offset = paging(body, 'offset');
  if (body.markMatchingVariants !== undefined && typeof body.markMatchingVariants !== 'boolean') throw invalid('markMatchingVariants', 'a boolean is expected');
  const projection = body.productProjectionParameters;
  if (projection !== undefined && !isObject(projection)) throw invalid('productProjectionParameters', 'an object is expected');
  const query = body.query === undefined ? () => true : compileQuery(body.query, 'query');
  const postFilter = body.postFilter === undefined ? () => true : compileQuery(body.postFilter, 'postFilter');
  const facets = compileFacets(body.facets);
  const compare = compileSort(body.sort);

  const everything = await searchTargets(ctx, projection ?? {});
  const hits = everything.map(({ product, targets }) => ({ product, all: targets, targets: targets.filter(query) })).filter((hit) => hit.targets.length > 0);
  const facetResults = facets.map((count) => count(hits, everything));
  const results = hits
    .map((hit) => ({ ...hit, targets: hit.targets.filter(postFilter) }))
    .filter((hit) => hit.targets.length > 0)
    .sort(compare);

  const page = results.slice(offset, offset + limit).map(
    (hit): ProductSearchResult => ({
      id: hit.product.id,
      ...(projection === undefined ? {} : { productProjection: hit.product }),
      ...(body.markMatchingVariants === true
        ? {
            matchingVariants: {
              allMatched: hit.targets.length === hit.all.length,
              matchedVariants: hit.targets.map(({ variant }) => ({ id: variant.id, ...(variant.sku === undefined ? {} : { sku: variant.sku }) })),
            },
          }
        : {}),
    }),
  );
  return json(200, { total: results.length, offset, limit, facets: facetResults, results: page });
}

function paging(body: JsonObject, name: keyof typeof LIMITS): number {
  const { fallback, max } = LIMITS[name];
  const value = body[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) throw invalid(name, `an integer from 0 to ${max} is expected`);
  return value;
}

interface Searchable extends Hit {
  readonly product: ProductProjection;
}

async function searchTargets(ctx: ApiContext, projection: JsonObject): Promise<Searchable[]> {
  const params = new URLSearchParams({ limit: String(CATALOGUE_PAGE), staged: String(projection.staged === true) });
  for (const name of PROJECTION_PARAMETERS) if (typeof projection[name] === 'string') params.set(name, projection[name] as string);
  if (Array.isArray(projection.expand)) for (const path of projection.expand) if (typeof path === 'string') params.append('expand', path);
  const page = await ctx.gateway.call<{ results: ProductProjection[] }>('GET', `/product-projections/search?${params}`);
  const stores = await storesWithEveryProduct(ctx);
  const ancestors = new Map<string, readonly string[]>();
  const subtreeOf = async (product: ProductProjection): Promise<string[]> => {
    const ids = product.categories.map((category) => category.id);
    for (const id of ids) if (!ancestors.has(id)) ancestors.set(id, [...(await ancestorIds(ctx, id))]);
    return [...new Set(ids.flatMap((id) => [id, ...(ancestors.get(id) ?? [])]))];
  };
  return Promise.all(
    selectPrices(page.results, projection).map(async (product) => {
      const subtree = await subtreeOf(product);
      const targets: SearchTarget[] = [product.masterVariant, ...product.variants].map((variant) => ({ product, variant, subtree, stores }));
      return { product, targets };
    }),
  );
}

/**
 * A store offers every product of the project while it has no active product selection ("leave empty if all
 * Products in the Project should be available in this Store"), and the mock keeps no product selections on stores.
 */
async function storesWithEveryProduct(ctx: ApiContext): Promise<string[]> {
  return (await ctx.gateway.queryAll<Store>('stores', [])).map((store) => store.id);
}
