import type { ProductProjection } from '@commercetools/platform-sdk';
import { isObject } from '../../http/body.js';
import { fieldValues, type Leaf, type SearchTarget } from './fields.js';
import { invalid } from './query.js';

export interface Sortable {
  readonly product: ProductProjection;
  readonly targets: readonly SearchTarget[];
}

type Compare = (a: Sortable, b: Sortable) => number;

/**
 * The request's `sort` as a comparator. Every hit scores the same here (there is no relevance model), so
 * `score` keeps the catalogue's order; other fields compare their smallest value ascending and their
 * largest descending (or as `mode` says), and a product without the field sorts last.
 */
export function compileSort(sort: unknown): Compare {
  if (sort === undefined) return () => 0;
  if (!Array.isArray(sort)) throw invalid('sort', 'a list of sort expressions is expected');
  const comparators = sort.map((entry, index): Compare => {
    const at = `sort[${index}]`;
    if (!isObject(entry) || typeof entry.field !== 'string') throw invalid(`${at}.field`, 'a field name is required');
    if (entry.order !== 'asc' && entry.order !== 'desc') throw invalid(`${at}.order`, "expected 'asc' or 'desc'");
    const { field, order } = entry;
    if (field === 'score') return () => 0;
    const language = typeof entry.language === 'string' ? entry.language : undefined;
    const mode = typeof entry.mode === 'string' ? entry.mode : order === 'asc' ? 'min' : 'max';
    const keyOf = (item: Sortable): Leaf | undefined => pick(item.targets.flatMap((target) => fieldValues(target, field, language)), mode);
    const direction = order === 'asc' ? 1 : -1;
    return (a, b) => {
      const [x, y] = [keyOf(a), keyOf(b)];
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      return direction * (x < y ? -1 : x > y ? 1 : 0);
    };
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

function pick(values: readonly Leaf[], mode: string): Leaf | undefined {
  if (values.length === 0) return undefined;
  const numbers = values.filter((value): value is number => typeof value === 'number');
  if ((mode === 'avg' || mode === 'sum') && numbers.length > 0) {
    const sum = numbers.reduce((total, value) => total + value, 0);
    return mode === 'sum' ? sum : sum / numbers.length;
  }
  return [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))[mode === 'max' ? values.length - 1 : 0];
}
