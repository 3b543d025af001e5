import type { Category, ProductProjection, ProductProjectionPagedSearchResponse } from '@commercetools/platform-sdk';
import type { ApiContext } from '../context.js';
import { apiError } from '../errors.js';
import { checkPaging } from '../http/paging.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { fieldValues } from './product-search/fields.js';
import { editDistanceAtMost, tokens, wildcardMatcher } from './product-search/text.js';

const FILTER_PARAMS = ['filter', 'filter.query', 'filter.facets'];
const CATEGORY_FILTER = /^categories\.id:\s*(.+)$/;
const MOCK_PAGE = 500;

interface CategoryTerm {
  readonly id: string;
  readonly subtree: boolean;
}

/**
 * Product search as the mock does it, plus two things it ignores: full-text search (`text.<locale>`)
 * and category filters (`categories.id:"<id>"` and `categories.id: subtree("<id>")`), which a
 * store's category pages and search box use. Those two are applied here, on the mock's full result.
 */
export function registerProductSearchRoute(router: Router<ApiContext>): void {
  router.add('GET', '/:projectKey/product-projections/search', search);
}

async function search(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  checkPaging(request.query);
  const forwarded = new URLSearchParams(request.rawQuery);
  const text = takeText(forwarded);
  const fuzziness = takeFuzziness(forwarded);
  const categories = takeCategoryTerms(forwarded);
  if (!text && categories.length === 0) return ctx.gateway.forward('GET', `/product-projections/search?${request.rawQuery}`, '');

  const limit = Number(forwarded.get('limit') ?? 20);
  const offset = Number(forwarded.get('offset') ?? 0);
  forwarded.set('limit', String(MOCK_PAGE));
  forwarded.set('offset', '0');
  const answer = await ctx.gateway.send('GET', `/product-projections/search?${forwarded.toString()}`);
  if (answer.status !== 200) return { status: answer.status, body: answer.body };

  const page = answer.body as ProductProjectionPagedSearchResponse;
  const inCategories = await categoryMatcher(ctx, categories, page.results);
  const matching = page.results.filter((product) => inCategories(product) && (!text || matchesText(product, text.locale, text.words, fuzziness)));
  const results = matching.slice(offset, offset + limit);
  return json(200, { ...page, limit, offset, count: results.length, total: matching.length, results });
}

function takeText(params: URLSearchParams): { locale: string; words: string[] } | undefined {
  for (const [name, value] of params) {
    if (!name.startsWith('text.')) continue;
    params.delete(name);
    const words = value.toLowerCase().split(/\s+/).filter((word) => word !== '');
    return words.length > 0 ? { locale: name.slice('text.'.length), words } : undefined;
  }
  return undefined;
}

/** `fuzzy=true` and `fuzzyLevel` (0 to 2; by default 0 for words of 1-2 letters, 1 for 3-5, 2 for longer). */
function takeFuzziness(params: URLSearchParams): ((word: string) => number) | undefined {
  const fuzzy = params.get('fuzzy');
  const level = params.get('fuzzyLevel');
  params.delete('fuzzy');
  params.delete('fuzzyLevel');
  if (fuzzy !== null && fuzzy !== 'true' && fuzzy !== 'false') throw apiError(400, 'InvalidInput', `The query parameter 'fuzzy' must be true or false, got '${fuzzy}'.`);
  if (level !== null && !/^[0-2]$/.test(level)) throw apiError(400, 'InvalidInput', `The query parameter 'fuzzyLevel' must be 0, 1 or 2, got '${level}'.`);
  if (fuzzy !== 'true') return undefined;
  return (word) => (level !== null ? Number(level) : word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);
}

function takeCategoryTerms(params: URLSearchParams): CategoryTerm[] {
  const terms: CategoryTerm[] = [];
  for (const name of FILTER_PARAMS) {
    const kept: string[] = [];
    for (const value of params.getAll(name)) {
      const match = CATEGORY_FILTER.exec(value.trim());
      if (match?.[1]) terms.push(...parseCategoryValues(match[1]));
      else kept.push(value);
    }
    params.delete(name);
    for (const value of kept) params.append(name, value);
  }
  return terms;
}

function parseCategoryValues(list: string): CategoryTerm[] {
  const terms: CategoryTerm[] = [];
  const value = /\s*(?:subtree\(\s*"([^"]+)"\s*\)|"([^"]+)")\s*(,|$)/y;
  let match: RegExpExecArray | null;
  while (value.lastIndex < list.length && (match = value.exec(list)) !== null) {
    terms.push(match[1] ? { id: match[1], subtree: true } : { id: match[2] as string, subtree: false });
  }
  if (value.lastIndex < list.length || terms.length === 0) {
    throw apiError(400, 'InvalidInput', `Malformed category filter 'categories.id:${list}': expected "<id>" or subtree("<id>"), comma-separated.`);
  }
  return terms;
}

/** Whether a product is in one of the categories (or, for subtree terms, below one of them). */
async function categoryMatcher(
  ctx: ApiContext,
  terms: readonly CategoryTerm[],
  products: readonly ProductProjection[],
): Promise<(product: ProductProjection) => boolean> {
  if (terms.length === 0) return () => true;
  const ancestors = new Map<string, ReadonlySet<string>>();
  for (const id of new Set(products.flatMap((product) => product.categories.map((reference) => reference.id)))) {
    ancestors.set(id, await ancestorIds(ctx, id));
  }
  return (product) =>
    product.categories.some((reference) =>
      terms.some((term) => reference.id === term.id || (term.subtree && ancestors.get(reference.id)?.has(term.id) === true)),
    );
}

// The mock stores categories without `ancestors` (it computes them per answer): walk the parents.
export async function ancestorIds(ctx: ApiContext, id: string): Promise<ReadonlySet<string>> {
  const found = new Set<string>();
  let category: Category | undefined = await ctx.gateway.findCategory(id);
  while (category?.parent && !found.has(category.parent.id)) {
    found.add(category.parent.id);
    category = await ctx.gateway.findCategory(category.parent.id);
  }
  return found;
}

/**
 * Every query word must be found in the product's name, description, slug, search keywords or SKUs: as
 * part of that text, as a wildcard (`mu*`, `*ug`) over its words, or (with `fuzzy`) within a few edits of one.
 */
function matchesText(product: ProductProjection, locale: string, words: readonly string[], fuzziness?: (word: string) => number): boolean {
  const target = { product, variant: product.masterVariant, subtree: [], stores: [] };
  const texts = ['name', 'description', 'slug', 'searchKeywords'].flatMap((field) => fieldValues(target, field, locale)).map(String);
  const skus = [product.masterVariant, ...product.variants].map((variant) => variant.sku ?? '');
  const haystack = [...texts, ...skus].join(' ').toLowerCase();
  const haystackWords = tokens(haystack);
  return words.every((word) => {
    if (word.includes('*') || word.includes('?')) {
      const matches = wildcardMatcher(word, true);
      return haystackWords.some(matches);
    }
    if (haystack.includes(word)) return true;
    const level = fuzziness?.(word) ?? 0;
    return level > 0 && haystackWords.some((candidate) => editDistanceAtMost(word, candidate, level));
  });
}
