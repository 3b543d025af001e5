import type { Money } from './shop-types';

export function formatMoney(money: Money | undefined, locale = 'en-US'): string {
  if (money === undefined) return '';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(
    money.centAmount / 10 ** money.fractionDigits,
  );
}
