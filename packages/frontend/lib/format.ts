import type { Money } from './shop-types';

/**
 * Formats commercetools cent-precision money. `centAmount` is in the currency's minor unit, so the
 * currency's own ISO digits (from Intl) are used rather than the payload's `fractionDigits`: the
 * embedded platform (commercetools-mock 4.4) reports `fractionDigits: 0` on cart totals.
 */
export function formatMoney(money: Money | undefined, locale = 'en-US'): string {
  if (money === undefined) return '';
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode });
  const digits = format.resolvedOptions().maximumFractionDigits ?? money.fractionDigits;
  return format.format(money.centAmount / 10 ** digits);
}
