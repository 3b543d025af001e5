import type { Category, Customer, Product, ProductType } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';
import { CATEGORIES, DEMO_CUSTOMER, PRODUCT_TYPE_KEY, PRODUCTS, type SeedProduct } from './catalogue.js';
import { IMAGE_SIZE, imagePath } from './images.js';

const LOCALES = ['en', 'en-US', 'en-GB', 'de-DE'] as const;

/**
 * Loads the catalogue and the demo customer. Idempotent: whatever already exists (by key, or by email
 * for the customer) is left as it is, so running it twice changes nothing.
 */
export async function seedCatalogue(gateway: MockGateway, baseUrl: string): Promise<void> {
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
    await ensureByKey<Product>(gateway, 'products', product.key, productDraft(product, productType.id, categoryIds, baseUrl));
  }
  await ensureDemoCustomer(gateway);
}

function productDraft(product: SeedProduct, productTypeId: string, categoryIds: Map<string, string>, baseUrl: string) {
  const categoryId = categoryIds.get(product.category);
  return {
    key: product.key,
    productType: { typeId: 'product-type', id: productTypeId },
    name: localised(product.name),
    description: localised(product.description),
    slug: localised(product.key),
    categories: categoryId ? [{ typeId: 'category', id: categoryId }] : [],
    publish: true,
    masterVariant: {
      sku: product.sku,
      key: product.sku.toLowerCase(),
      prices: [{ value: { type: 'centPrecision', currencyCode: 'EUR', centAmount: product.centAmount, fractionDigits: 2 } }],
      images: [{ url: `${baseUrl}${imagePath(product)}`, label: product.name, dimensions: { w: IMAGE_SIZE, h: IMAGE_SIZE } }],
      attributes: [],
    },
  };
}

async function ensureByKey<T>(gateway: MockGateway, resource: string, key: string, draft: object): Promise<T> {
  const answer = await gateway.send('GET', `/${resource}/key=${encodeURIComponent(key)}`);
  if (answer.status === 200) return answer.body as T;
  return gateway.call<T>('POST', `/${resource}`, draft);
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
