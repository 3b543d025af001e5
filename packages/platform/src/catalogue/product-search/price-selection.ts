import type { Price, ProductProjection } from '@commercetools/platform-sdk';
import type { JsonObject } from '../../http/body.js';
import { invalid } from './query.js';

interface Selector {
  readonly currency: string;
  readonly country?: string;
  readonly customerGroups: readonly string[];
  readonly channel?: string;
}

/**
 * Price selection as commercetools does it for `productProjectionParameters` (priceCurrency, priceCountry,
 * priceCustomerGroup / priceCustomerGroupAssignments, priceChannel): a price must be in the currency; a
 * price scoped to another country, group or channel never matches; an unscoped price is the fallback, and
 * the most specific valid price wins. The mock has no fallback, so a country-less price was never selected.
 */
export function selectPrices(products: readonly ProductProjection[], parameters: JsonObject, now = new Date().toISOString()): ProductProjection[] {
  const selector = selectorOf(parameters);
  if (!selector) return [...products];
  return products.map((product) => {
    const withPrice = (variant: ProductProjection['masterVariant']) => {
      const price = bestPrice(variant.prices ?? [], selector, now);
      return price ? { ...variant, price } : variant;
    };
    return { ...product, masterVariant: withPrice(product.masterVariant), variants: product.variants.map(withPrice) };
  });
}

function selectorOf(parameters: JsonObject): Selector | undefined {
  const text = (name: string): string | undefined => {
    const value = parameters[name];
    if (value !== undefined && typeof value !== 'string') throw invalid(`productProjectionParameters.${name}`, 'a string is expected');
    return value;
  };
  const currency = text('priceCurrency');
  const country = text('priceCountry');
  const customerGroup = text('priceCustomerGroup');
  const channel = text('priceChannel');
  const assignments = parameters.priceCustomerGroupAssignments;
  if (assignments !== undefined && !(Array.isArray(assignments) && assignments.every((id) => typeof id === 'string'))) {
    throw invalid('productProjectionParameters.priceCustomerGroupAssignments', 'a list of customer group ids is expected');
  }
  if (currency === undefined) {
    if (country ?? customerGroup ?? channel) throw invalid('productProjectionParameters', 'priceCountry, priceCustomerGroup and priceChannel need priceCurrency');
    return undefined;
  }
  const customerGroups = [...(customerGroup ? [customerGroup] : []), ...((assignments as string[] | undefined) ?? [])];
  return { currency, customerGroups, ...(country ? { country } : {}), ...(channel ? { channel } : {}) };
}

function bestPrice(prices: readonly Price[], selector: Selector, now: string): Price | undefined {
  let best: { price: Price; specificity: number } | undefined;
  for (const price of prices) {
    if (price.value.currencyCode !== selector.currency) continue;
    if ((price.validFrom && price.validFrom > now) || (price.validUntil && price.validUntil <= now)) continue;
    const group = price.customerGroup?.id;
    const scopes = [
      price.country === undefined ? 0 : price.country === selector.country ? 1 : -1,
      group === undefined ? 0 : selector.customerGroups.includes(group) ? 1 : -1,
      price.channel === undefined ? 0 : price.channel.id === selector.channel ? 1 : -1,
    ];
    if (scopes.includes(-1)) continue;
    const specificity = scopes.reduce((sum, scope) => sum + scope, 0);
    if (!best || specificity > best.specificity) best = { price, specificity };
  }
  return best?.price;
}
