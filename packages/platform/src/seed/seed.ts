import type { Category, Customer, Product, ProductType } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';
import { CATEGORIES, DEMO_CUSTOMER, PRODUCT_TYPE_KEY, PRODUCTS, type SeedProduct } from './catalogue.js';
import { PROJECT_SETTINGS, pricesFor } from './commerce-settings.js';
import { ensureByKey } from './ensure.js';
import { IMAGE_SIZE, imagePath } from './images.js';
import { seedCommerceSettings } from './settings-seed.js';

// The project's languages (en, de) plus the regional locales the store's own frontend asks for.
const LOCALES = ['en', 'en-US', 'en-GB', 'de', 'de-DE'] as const;

/**
 * Loads the catalogue and the demo customer. Idempotent: whatever already exists (by key, or by email
 * for the customer) is left as it is, so running it twice changes nothing.
 */
export async function seedCatalogue(gateway: MockGateway, baseUrl: string): Promise<void> {
  const taxCategory = await seedCommerceSettings(gateway);
  const productType = await ensureByKey<ProductType>(gateway, 'product-types', PRODUCT_TYPE_KEY, {
    key: PRODUCT_TYPE_KEY,
    name: 'Home goods',
    description: 'Things for the home, the desk and the outdoors.',
    attributes: [],
  });
  const categoryIds = new Map<string, string>();
  for (const [index, category] of CATEGORIES.entries()) {
    const created = await ensureByKey<Category>(gateway, 'categories', category.key, {
      key: category.key,
      name: localised(category.name),
      slug: localised(category.key),
      orderHint: `0.${index + 1}`,
    });
    categoryIds.set(category.key, created.id);
  }
  for (const product of PRODUCTS) {
    const created = await ensureByKey<Product>(gateway, 'products', product.key, productDraft(product, { productTypeId: productType.id, taxCategoryId: taxCategory.id, categoryIds, baseUrl }));
    // Search boxes also look at keywords: the category's key is one.
    if (Object.keys(created.masterData.current.searchKeywords ?? {}).length === 0) {
      await gateway.setSearchKeywords(created.id, Object.fromEntries(LOCALES.map((locale) => [locale, [{ text: product.category }]])));
    }
  }
  await ensureDemoCustomer(gateway);
}

interface ProductRefs {
  readonly productTypeId: string;
  readonly taxCategoryId: string;
  readonly categoryIds: ReadonlyMap<string, string>;
  readonly baseUrl: string;
}

function productDraft(product: SeedProduct, refs: ProductRefs) {
  const categoryId = refs.categoryIds.get(product.category);
  const prices = pricesFor(product.centAmount);
  return {
    key: product.key,
    productType: { typeId: 'product-type', id: refs.productTypeId },
    taxCategory: { typeId: 'tax-category', id: refs.taxCategoryId },
    name: localised(product.name),
    description: localised(product.description),
    slug: localised(product.key),
    categories: categoryId ? [{ typeId: 'category', id: categoryId }] : [],
    publish: true,
    masterVariant: {
      sku: product.sku,
      key: product.sku.toLowerCase(),
      // EUR first: the store's own pages show the first price when the currency has none.
      prices: PROJECT_SETTINGS.currencies.map((currencyCode) => ({
        value: { type: 'centPrecision', currencyCode, centAmount: prices[currencyCode], fractionDigits: 2 },
      })),
      images: [{ url: `${refs.baseUrl}${imagePath(product)}`, label: product.name, dimensions: { w: IMAGE_SIZE, h: IMAGE_SIZE } }],
      attributes: [],
    },
  };
}

async function ensureDemoCustomer(gateway: MockGateway): Promise<void> {
  const existing = await gateway.queryAll<Customer>('customers', [
    { where: 'lowercaseEmail = :email', vars: { email: DEMO_CUSTOMER.email } },
  ]);
  if (existing.length === 0) await gateway.call('POST', '/customers', { ...DEMO_CUSTOMER, isEmailVerified: true });
}

function localised(text: string): Record<string, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, text]));
}
