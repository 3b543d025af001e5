import type { Project, ShippingMethod, Store, TaxCategory, Zone } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';
import { PROJECT_SETTINGS, SHIPPING_METHODS, STORE, TAX_CATEGORY_KEY, TAX_RATES, ZONES, type SeedShippingMethod } from './commerce-settings.js';
import { ensureByKey } from './ensure.js';

/**
 * Project settings, the tax category, zones, shipping methods and the store. Idempotent like the catalogue: what
 * exists is kept, and a project setting only gets the seeded values it lacks. Returns the tax category.
 */
export async function seedCommerceSettings(gateway: MockGateway): Promise<TaxCategory> {
  await seedProjectSettings(gateway);
  const taxCategory = await ensureByKey<TaxCategory>(gateway, 'tax-categories', TAX_CATEGORY_KEY, {
    key: TAX_CATEGORY_KEY,
    name: 'Standard rate',
    rates: TAX_RATES.map((rate) => ({ ...rate })),
  });
  const zoneIds = new Map<string, string>();
  for (const zone of ZONES) {
    const created = await ensureByKey<Zone>(gateway, 'zones', zone.key, {
      key: zone.key,
      name: zone.name,
      locations: zone.countries.map((country) => ({ country })),
    });
    zoneIds.set(zone.key, created.id);
  }
  for (const method of SHIPPING_METHODS) {
    await ensureByKey<ShippingMethod>(gateway, 'shipping-methods', method.key, shippingMethodDraft(method, taxCategory.id, zoneIds));
  }
  await ensureByKey<Store>(gateway, 'stores', STORE.key, {
    key: STORE.key,
    name: { ...STORE.name },
    languages: [...PROJECT_SETTINGS.languages],
    countries: PROJECT_SETTINGS.countries.map((code) => ({ code })),
  });
  return taxCategory;
}

async function seedProjectSettings(gateway: MockGateway): Promise<void> {
  const project = await gateway.call<Project>('GET', '');
  const actions = [
    missing('changeCurrencies', 'currencies', project.currencies, PROJECT_SETTINGS.currencies),
    missing('changeLanguages', 'languages', project.languages, PROJECT_SETTINGS.languages),
    missing('changeCountries', 'countries', project.countries, PROJECT_SETTINGS.countries),
  ].filter((action) => action !== undefined);
  if (actions.length > 0) await gateway.call('POST', '', { version: project.version, actions });
}

function missing(action: string, field: string, current: readonly string[], seeded: readonly string[]): Record<string, unknown> | undefined {
  const lacking = seeded.filter((value) => !current.includes(value));
  return lacking.length === 0 ? undefined : { action, [field]: [...current, ...lacking] };
}

function shippingMethodDraft(method: SeedShippingMethod, taxCategoryId: string, zoneIds: ReadonlyMap<string, string>) {
  return {
    key: method.key,
    name: method.name,
    localizedName: { en: method.name, de: method.name },
    localizedDescription: { en: method.description, de: method.description },
    isDefault: method.isDefault,
    active: true,
    taxCategory: { typeId: 'tax-category', id: taxCategoryId },
    zoneRates: [...zoneIds].map(([zoneKey, zoneId]) => ({
      zone: { typeId: 'zone', id: zoneId },
      shippingRates: method.rates
        .filter((rate) => rate.zone === zoneKey)
        .map((rate) => ({
          price: { currencyCode: rate.currency, centAmount: rate.centAmount },
          ...(rate.freeAbove === undefined ? {} : { freeAbove: { currencyCode: rate.currency, centAmount: rate.freeAbove } }),
        })),
    })),
  };
}
