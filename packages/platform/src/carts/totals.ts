import type { PlatformResponse } from '../http/types.js';
import { isObject, type JsonObject } from '../http/body.js';

/**
 * Puts commercetools' cart total rules back into an answer, whoever built it (the mock, or this layer from
 * storage). The mock creates `totalPrice` with `fractionDigits: 0` whatever the currency and leaves the
 * shipping price out of it; commercetools' `totalPrice` is the sum of the line items, the custom line items
 * and, when set, `shippingInfo.price`, in the currency's own fraction digits. Applies to carts and orders,
 * alone, inside `{ cart }` (sign-in, sign-up) and in `results` pages.
 */
export function withCartTotals(response: PlatformResponse): PlatformResponse {
  const { body } = response;
  if (!isObject(body)) return response;
  fixTotals(body);
  if (isObject(body.cart)) fixTotals(body.cart);
  if (Array.isArray(body.results)) for (const item of body.results) if (isObject(item)) fixTotals(item);
  return response;
}

function fixTotals(resource: JsonObject): void {
  const { totalPrice, lineItems, customLineItems, shippingInfo } = resource;
  if (!isObject(totalPrice) || !Array.isArray(lineItems) || typeof totalPrice.currencyCode !== 'string') return;
  const shipping = isObject(shippingInfo) && isObject(shippingInfo.price) ? centsOf(shippingInfo.price) : 0;
  const items = [...lineItems, ...(Array.isArray(customLineItems) ? customLineItems : [])];
  totalPrice.centAmount = items.reduce<number>((sum, item) => sum + (isObject(item) && isObject(item.totalPrice) ? centsOf(item.totalPrice) : 0), shipping);
  totalPrice.fractionDigits = fractionDigitsOf(totalPrice.currencyCode);
}

const centsOf = (money: JsonObject): number => (typeof money.centAmount === 'number' ? money.centAmount : 0);

const digitsByCurrency = new Map<string, number>();

/** ISO 4217 minor-unit digits (EUR 2, JPY 0, KWD 3), from the runtime's own currency data. */
export function fractionDigitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
