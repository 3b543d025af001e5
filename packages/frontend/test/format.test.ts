import { describe, expect, it } from '@jest/globals';
import { formatMoney } from '../lib/format.js';

describe('formatMoney', () => {
  it('formats cents in the currency', () => {
    expect(formatMoney({ centAmount: 14390, currencyCode: 'EUR', fractionDigits: 2 })).toBe('€143.90');
    expect(formatMoney({ centAmount: 1490, currencyCode: 'USD', fractionDigits: 2 })).toBe('$14.90');
  });

  it("uses the currency's own minor unit, whatever fractionDigits says (the mock reports 0 on cart totals)", () => {
    expect(formatMoney({ centAmount: 14390, currencyCode: 'EUR', fractionDigits: 0 })).toBe('€143.90');
    expect(formatMoney({ centAmount: 1200, currencyCode: 'JPY', fractionDigits: 0 })).toBe('¥1,200');
    expect(formatMoney({ centAmount: 1500, currencyCode: 'KWD', fractionDigits: 3 })).toMatch(/^KWD\s1\.500$/);
  });

  it('is empty without a price', () => {
    expect(formatMoney(undefined)).toBe('');
  });
});
