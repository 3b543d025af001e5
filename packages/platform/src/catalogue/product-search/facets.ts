import type { ProductSearchFacetResult } from '@commercetools/platform-sdk';
import { isObject, type JsonObject } from '../../http/body.js';
import { fieldValues, type Leaf, type SearchTarget } from './fields.js';
import { compileQuery, invalid, type Matcher } from './query.js';

/** A product and the variants the query matched (all of them for facets with `scope: all`). */
export interface Hit {
  readonly targets: readonly SearchTarget[];
}

type FacetCounter = (queried: readonly Hit[], all: readonly Hit[]) => ProductSearchFacetResult;

const DEFAULT_DISTINCT_LIMIT = 10;

/** Compiles the request's `facets` (`count`, `distinct`, `ranges`); each is counted on the query's hits. */
export function compileFacets(facets: unknown): FacetCounter[] {
  if (facets === undefined) return [];
  if (!Array.isArray(facets)) throw invalid('facets', 'a list of facet expressions is expected');
  return facets.map((facet, index) => compileFacet(facet, `facets[${index}]`));
}

function compileFacet(facet: unknown, at: string): FacetCounter {
  if (!isObject(facet) || Object.keys(facet).length !== 1) throw invalid(at, 'one of count, distinct or ranges is expected');
  const [kind] = Object.keys(facet) as [string];
  const body = facet[kind];
  if (!isObject(body) || typeof body.name !== 'string') throw invalid(`${at}.${kind}.name`, 'a facet name is required');
  const name = body.name;
  const filter: Matcher = body.filter === undefined ? () => true : compileQuery(body.filter, `${at}.${kind}.filter`);
  const level = body.level === 'variants' ? 'variants' : 'products';
  const hitsOf = (queried: readonly Hit[], all: readonly Hit[]) => (body.scope === 'all' ? all : queried);
  // Products are counted once, variants each; `filter` narrows what is counted.
  const counted = (hits: readonly Hit[]): SearchTarget[][] =>
    hits.map((hit) => hit.targets.filter(filter)).filter((targets) => targets.length > 0).flatMap((targets) => (level === 'variants' ? targets.map((target) => [target]) : [targets]));

  if (kind === 'count') return (queried, all) => ({ name, value: counted(hitsOf(queried, all)).length }) as ProductSearchFacetResult;
  if (kind !== 'distinct' && kind !== 'ranges') throw invalid(at, `unknown facet '${kind}'; expected count, distinct or ranges`);
  if (typeof body.field !== 'string') throw invalid(`${at}.${kind}.field`, 'a field name is required');
  const field = body.field;
  const language = typeof body.language === 'string' ? body.language : undefined;
  const valuesOf = (targets: readonly SearchTarget[]): Leaf[] => [...new Set(targets.flatMap((target) => fieldValues(target, field, language)))];
  if (kind === 'ranges') return rangesFacet(name, body, `${at}.ranges`, (hits) => counted(hits).map(valuesOf), hitsOf);
  return distinctFacet(name, body, `${at}.distinct`, (hits) => counted(hits).map(valuesOf), hitsOf);
}

type ValueSets = (hits: readonly Hit[]) => Leaf[][];
type Scope = (queried: readonly Hit[], all: readonly Hit[]) => readonly Hit[];

function distinctFacet(name: string, body: JsonObject, at: string, valueSets: ValueSets, scope: Scope): FacetCounter {
  const limit = body.limit === undefined ? DEFAULT_DISTINCT_LIMIT : body.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw invalid(`${at}.limit`, 'a positive integer is expected');
  const includes = Array.isArray(body.includes) ? body.includes.map(String) : undefined;
  const sort = isObject(body.sort) ? body.sort : { by: 'count', order: 'desc' };
  return (queried, all) => {
    const counts = new Map<string, number>();
    for (const values of valueSets(scope(queried, all))) for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
    let buckets = [...counts].map(([key, count]) => ({ key, count })).filter((bucket) => includes === undefined || includes.includes(bucket.key));
    const direction = sort.order === 'asc' ? 1 : -1;
    buckets = buckets.sort((a, b) => direction * (sort.by === 'key' ? a.key.localeCompare(b.key) : a.count - b.count) || a.key.localeCompare(b.key));
    return { name, buckets: buckets.slice(0, limit) } as ProductSearchFacetResult;
  };
}

function rangesFacet(name: string, body: JsonObject, at: string, valueSets: ValueSets, scope: Scope): FacetCounter {
  if (!Array.isArray(body.ranges) || body.ranges.length === 0) throw invalid(`${at}.ranges`, 'a list of ranges is expected');
  const ranges = body.ranges.map((range, index) => {
    if (!isObject(range)) throw invalid(`${at}.ranges[${index}]`, 'a range with from and/or to is expected');
    const bound = (value: unknown, which: string) => {
      if (value !== undefined && typeof value !== 'number' && typeof value !== 'string') throw invalid(`${at}.ranges[${index}].${which}`, 'a number or a date is expected');
      return value as number | string | undefined;
    };
    const from = bound(range.from, 'from');
    const to = bound(range.to, 'to');
    // Without a key, a bucket is named after its bounds, an open end as `*`: "0-*", "*-5000", "1000-5000".
    const key = typeof range.key === 'string' ? range.key : `${from ?? '*'}-${to ?? '*'}`;
    return { key, from, to };
  });
  return (queried, all) => {
    const sets = valueSets(scope(queried, all));
    const buckets = ranges.map(({ key, from, to }) => ({
      key,
      count: sets.filter((values) => values.some((value) => (from === undefined || value >= from) && (to === undefined || value < to))).length,
    }));
    return { name, buckets } as ProductSearchFacetResult;
  };
}
