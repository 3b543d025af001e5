import type { TypedMoney } from '@commercetools/platform-sdk';
import type { Money } from '../types/Money.js';

export function mapMoney(money: TypedMoney | { centAmount: number; currencyCode: string; fractionDigits?: number }): Money {
  return { centAmount: money.centAmount, currencyCode: money.currencyCode, fractionDigits: money.fractionDigits ?? 2 };
}

export function zeroMoney(currencyCode: string): Money {
  return { centAmount: 0, currencyCode, fractionDigits: 2 };
}
