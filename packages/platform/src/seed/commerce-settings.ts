/**
 * What a real project's bundle reads besides the catalogue: the project's currencies, languages and
 * countries (`GET /{projectKey}`), a tax category, zones and shipping methods, so carts can be created in
 * any of the project's currencies and a checkout can ask for shipping methods. Keys are stable.
 */

export const PROJECT_SETTINGS = {
  currencies: ['EUR', 'USD', 'GBP'],
  languages: ['en', 'de'],
  countries: ['DE', 'AT', 'NL', 'GB', 'US'],
} as const;

export type Currency = (typeof PROJECT_SETTINGS.currencies)[number];

export interface SeedTaxRate {
  readonly country: string;
  readonly name: string;
  readonly amount: number;
  readonly includedInPrice: boolean;
}

export const TAX_CATEGORY_KEY = 'standard';

// Standard VAT rates; the US has no national sales tax, so its rate is 0 and prices are net there.
export const TAX_RATES: readonly SeedTaxRate[] = [
  { country: 'DE', name: 'MwSt. 19 %', amount: 0.19, includedInPrice: true },
  { country: 'AT', name: 'USt. 20 %', amount: 0.2, includedInPrice: true },
  { country: 'NL', name: 'btw 21 %', amount: 0.21, includedInPrice: true },
  { country: 'GB', name: 'VAT 20 %', amount: 0.2, includedInPrice: true },
  { country: 'US', name: 'No sales tax', amount: 0, includedInPrice: false },
];

export interface SeedZone {
  readonly key: string;
  readonly name: string;
  readonly countries: readonly string[];
}

export const ZONES: readonly SeedZone[] = [
  { key: 'europe', name: 'Europe (DE, AT, NL)', countries: ['DE', 'AT', 'NL'] },
  { key: 'united-kingdom', name: 'United Kingdom', countries: ['GB'] },
  { key: 'united-states', name: 'United States', countries: ['US'] },
];

/**
 * One store with every project language and country, and no channels or product selections (so a store-bound
 * catalogue is the whole catalogue). B2B storefronts keep their carts in a store (`defaultStoreKey`).
 */
export const STORE = { key: 'default', name: { en: 'Default store', de: 'Standard-Shop' } } as const;

/** A rate per zone and currency, in the currency's minor unit; `freeAbove` as in commercetools' ShippingRate. */
export interface SeedShippingRate {
  readonly zone: string;
  readonly currency: Currency;
  readonly centAmount: number;
  readonly freeAbove?: number;
}

export interface SeedShippingMethod {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly isDefault: boolean;
  readonly rates: readonly SeedShippingRate[];
}

// Every zone has a rate in every project currency, so a cart in any currency finds its shipping methods.
const everyCurrency = (zone: string, amounts: Readonly<Record<Currency, number>>, freeAbove?: Readonly<Record<Currency, number>>): SeedShippingRate[] =>
  PROJECT_SETTINGS.currencies.map((currency) => ({
    zone,
    currency,
    centAmount: amounts[currency],
    ...(freeAbove ? { freeAbove: freeAbove[currency] } : {}),
  }));

export const SHIPPING_METHODS: readonly SeedShippingMethod[] = [
  {
    key: 'standard',
    name: 'Standard',
    description: 'Delivery in 3 to 5 working days.',
    isDefault: true,
    rates: [
      ...everyCurrency('europe', { EUR: 490, USD: 550, GBP: 450 }, { EUR: 5000, USD: 5500, GBP: 4500 }),
      ...everyCurrency('united-kingdom', { EUR: 690, USD: 750, GBP: 590 }),
      ...everyCurrency('united-states', { EUR: 890, USD: 990, GBP: 790 }),
    ],
  },
  {
    key: 'express',
    name: 'Express',
    description: 'Delivery on the next working day.',
    isDefault: false,
    rates: [
      ...everyCurrency('europe', { EUR: 1290, USD: 1390, GBP: 1090 }),
      ...everyCurrency('united-kingdom', { EUR: 1490, USD: 1590, GBP: 1290 }),
      ...everyCurrency('united-states', { EUR: 1990, USD: 2190, GBP: 1790 }),
    ],
  },
];

/** A product's price in each currency, from its EUR price (fixed factors, rounded to end in 90). */
export function pricesFor(eurCentAmount: number): Readonly<Record<Currency, number>> {
  const roundTo90 = (cents: number) => Math.max(90, Math.round(cents / 100) * 100 - 10);
  return { EUR: eurCentAmount, USD: roundTo90(eurCentAmount * 1.1), GBP: roundTo90(eurCentAmount * 0.86) };
}
