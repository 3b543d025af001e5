import type { ProductProjection, ProductVariant } from '@commercetools/platform-sdk';
import { isObject } from '../../http/body.js';

/** One product seen through one of its variants: product fields come from the product, `variants.*` from the variant. */
export interface SearchTarget {
  readonly product: ProductProjection;
  readonly variant: ProductVariant;
  /** Ids of the product's categories and all their ancestors (`categoriesSubTree`). */
  readonly subtree: readonly string[];
  /** Ids of the stores the product is available in (`stores`, `variants.stores`). */
  readonly stores: readonly string[];
}

export type Leaf = string | number | boolean;

/**
 * The leaf values of a searchable field, as a list: `name` (with `language`), `searchKeywords`, `key`, `id`,
 * `productType`, `categories`, `categoriesSubTree`, `stores`, `variants.sku`, `variants.prices.centAmount`,
 * `variants.attributes.<name>[.key]`, `variants.availability.isOnStock`, and so on. A field that does not
 * exist has no values, so it simply matches nothing: a missing description or keyword list is never a crash.
 */
export function fieldValues(target: SearchTarget, field: string, language?: string): Leaf[] {
  const [head, ...rest] = field.split('.');
  if (head === 'categoriesSubTree' && rest.length === 0) return [...target.subtree];
  if (field === 'stores' || field === 'variants.stores') return [...target.stores];
  if (head === 'variants') return lookup(target.variant, rest, language);
  return lookup(target.product, field.split('.'), language);
}

function lookup(value: unknown, path: readonly string[], language: string | undefined): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item) => lookup(item, path, language));
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return path.length === 0 ? [value] : [];
  if (!isObject(value)) return [];
  if (path.length === 0) return leafOfObject(value, language);
  const [part, ...rest] = path as [string, ...string[]];
  // Attributes are addressed by name: `attributes.color.key`.
  if (part === 'attributes' && Array.isArray(value.attributes)) {
    const [name, ...inner] = rest;
    const attribute = value.attributes.find((candidate) => isObject(candidate) && candidate.name === name);
    return isObject(attribute) ? lookup(attribute.value, inner, language) : [];
  }
  if (part in value) return lookup(value[part], rest, language);
  // Prices are searched as `prices.centAmount` / `prices.currencyCode`: those live in the price's money.
  if (isObject(value.value) && part in value.value) return lookup(value.value[part], rest, language);
  if (language !== undefined && isLocalized(value)) return lookup(localized(value, language), path, language);
  return [];
}

// What an object stands for when it is the end of the path: a reference is its id, a localized string
// the text in the language, a search keyword its text.
function leafOfObject(value: Record<string, unknown>, language: string | undefined): Leaf[] {
  if (typeof value.id === 'string' && typeof value.typeId === 'string') return [value.id];
  if (typeof value.text === 'string') return [value.text];
  if (typeof value.key === 'string' && 'label' in value) return [value.key];
  if (language !== undefined) return lookup(localized(value, language), [], language);
  return [];
}

const isLocalized = (value: Record<string, unknown>): boolean => Object.keys(value).every((key) => /^[a-z]{2}(-[A-Za-z0-9]+)*$/.test(key));

// `en` reads `en`, and else a regional variant such as `en-US`, as the project's languages are plain.
function localized(value: Record<string, unknown>, language: string): unknown {
  if (language in value) return value[language];
  const lower = language.toLowerCase();
  const regional = Object.keys(value).find((key) => key.toLowerCase() === lower || key.toLowerCase().startsWith(`${lower}-`));
  return regional === undefined ? undefined : value[regional];
}
