import { apiError } from '../../errors.js';
import { isObject, type JsonObject } from '../../http/body.js';
import { fieldValues, type Leaf, type SearchTarget } from './fields.js';
import { editDistanceAtMost, tokens, wildcardMatcher } from './text.js';

export type Matcher = (target: SearchTarget) => boolean;

const COMPOUND = ['and', 'or', 'not', 'filter'] as const;
const LEAF = ['exact', 'exists', 'fullText', 'fullTextPrefix', 'fuzzy', 'prefix', 'range', 'wildcard'] as const;

/**
 * Compiles a Product Search query (`and`, `or`, `not`, `filter`, `exact`, `exists`, `fullText`,
 * `fullTextPrefix`, `fuzzy`, `prefix`, `range`, `wildcard`) into a matcher, checking its shape first:
 * a malformed query is a 400 InvalidInput naming where it is wrong, never a crash while matching.
 */
export function compileQuery(query: unknown, at: string): Matcher {
  if (!isObject(query)) throw invalid(at, 'a search expression (JSON object) is expected');
  const keys = Object.keys(query);
  if (keys.length === 0) return () => true;
  if (keys.length !== 1) throw invalid(at, `one expression per object, got ${keys.join(', ')}`);
  const kind = keys[0] as string;
  const body = query[kind];
  if ((COMPOUND as readonly string[]).includes(kind)) return compound(kind as (typeof COMPOUND)[number], body, `${at}.${kind}`);
  if ((LEAF as readonly string[]).includes(kind)) return leaf(kind as (typeof LEAF)[number], body, `${at}.${kind}`);
  throw invalid(at, `unknown expression '${kind}'; expected one of ${[...COMPOUND, ...LEAF].join(', ')}`);
}

function compound(kind: (typeof COMPOUND)[number], body: unknown, at: string): Matcher {
  // `not` also takes a single expression in practice; the others always take a list.
  const list = kind === 'not' && isObject(body) ? [body] : body;
  if (!Array.isArray(list)) throw invalid(at, 'a list of expressions is expected');
  const parts = list.map((part, index) => compileQuery(part, `${at}[${index}]`));
  if (kind === 'or') return (target) => parts.some((part) => part(target));
  if (kind === 'not') return (target) => !parts.some((part) => part(target));
  return (target) => parts.every((part) => part(target));
}

function leaf(kind: (typeof LEAF)[number], body: unknown, at: string): Matcher {
  if (!isObject(body)) throw invalid(at, 'an object with a field is expected');
  if (typeof body.field !== 'string' || body.field === '') throw invalid(`${at}.field`, 'a field name (string) is required');
  const field = body.field;
  const language = optionalString(body, 'language', at);
  const values = (target: SearchTarget) => fieldValues(target, field, language);
  const caseInsensitive = body.caseInsensitive === true;
  switch (kind) {
    case 'exists':
      return (target) => values(target).length > 0;
    case 'exact': {
      const wanted = exactValues(body, at).map((value) => normalise(value, caseInsensitive));
      return (target) => values(target).some((value) => wanted.includes(normalise(value, caseInsensitive)));
    }
    case 'range':
      return rangeMatcher(body, at, values);
    case 'prefix': {
      const prefix = normalise(requiredText(body, at), caseInsensitive);
      return (target) => values(target).some((value) => String(normalise(value, caseInsensitive)).startsWith(String(prefix)));
    }
    case 'wildcard': {
      const matches = wildcardMatcher(requiredText(body, at), caseInsensitive);
      // Matched against the whole value and against each of its words, as an analysed text field is.
      return (target) => values(target).some((value) => matches(String(value)) || tokens(String(value)).some(matches));
    }
    case 'fullText':
    case 'fullTextPrefix':
    case 'fuzzy':
      return textMatcher(kind, body, at, values);
  }
}

function textMatcher(kind: 'fullText' | 'fullTextPrefix' | 'fuzzy', body: JsonObject, at: string, values: (target: SearchTarget) => Leaf[]): Matcher {
  const words = tokens(requiredText(body, at));
  const mustMatch = body.mustMatch ?? 'all';
  if (mustMatch !== 'all' && mustMatch !== 'any') throw invalid(`${at}.mustMatch`, "expected 'all' or 'any'");
  const level = kind === 'fuzzy' ? fuzzyLevel(body, at) : 0;
  const matchesWord = (queryWord: string, index: number, fieldWords: readonly string[]) =>
    fieldWords.some((word) => {
      if (kind === 'fullTextPrefix' && index === words.length - 1) return word.startsWith(queryWord);
      return kind === 'fuzzy' ? editDistanceAtMost(queryWord, word, level) : word === queryWord;
    });
  return (target) => {
    const fieldWords = values(target).flatMap((value) => tokens(String(value)));
    const hits = words.map((word, index) => matchesWord(word, index, fieldWords));
    return words.length > 0 && (mustMatch === 'all' ? hits.every(Boolean) : hits.some(Boolean));
  };
}

function rangeMatcher(body: JsonObject, at: string, values: (target: SearchTarget) => Leaf[]): Matcher {
  const bounds = (['gt', 'gte', 'lt', 'lte'] as const).filter((bound) => body[bound] !== undefined);
  for (const bound of bounds) {
    const limit = body[bound];
    if (typeof limit !== 'number' && typeof limit !== 'string') throw invalid(`${at}.${bound}`, 'a number or a date is expected');
  }
  if (bounds.length === 0) throw invalid(at, 'at least one of gt, gte, lt, lte is required');
  const within = (value: Leaf) =>
    bounds.every((bound) => {
      const limit = body[bound] as number | string;
      if (typeof value !== typeof limit) return false;
      if (bound === 'gt') return value > limit;
      if (bound === 'gte') return value >= limit;
      if (bound === 'lt') return value < limit;
      return value <= limit;
    });
  return (target) => values(target).some(within);
}

function exactValues(body: JsonObject, at: string): Leaf[] {
  const list = body.values !== undefined ? body.values : [body.value];
  if (!Array.isArray(list) || list.length === 0) throw invalid(at, 'value or values is required');
  for (const value of list) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalid(`${at}.value`, 'a string, number or boolean is expected');
  }
  return list as Leaf[];
}

function fuzzyLevel(body: JsonObject, at: string): number {
  const { level } = body;
  if (level === undefined) return 1;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 2) throw invalid(`${at}.level`, 'an integer from 0 to 2 is expected');
  return level;
}

function requiredText(body: JsonObject, at: string): string {
  const { value } = body;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(`${at}.value`, 'a text value is required');
}

function optionalString(body: JsonObject, name: string, at: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${at}.${name}`, 'a string is expected');
  return value;
}

const normalise = (value: Leaf, caseInsensitive: boolean): Leaf => (caseInsensitive && typeof value === 'string' ? value.toLowerCase() : value);

export const invalid = (at: string, problem: string) => apiError(400, 'InvalidInput', `Invalid product search request at '${at}': ${problem}.`);
