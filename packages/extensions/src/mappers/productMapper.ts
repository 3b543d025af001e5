import type { ProductProjection } from '@commercetools/platform-sdk';
import type { Product } from '../types/Product.js';
import { localized } from './localized.js';
import { mapMoney } from './moneyMapper.js';

export function mapProduct(product: ProductProjection, locale: string, currency: string): Product {
  const variant = product.masterVariant;
  const price = variant.prices?.find((p) => p.value.currencyCode === currency) ?? variant.prices?.[0];
  const imageUrl = variant.images?.[0]?.url;
  return {
    productId: product.id,
    sku: variant.sku ?? '',
    name: localized(product.name, locale),
    description: localized(product.description, locale),
    slug: localized(product.slug, locale),
    price: price && mapMoney(price.value),
    imageUrl,
    categoryIds: product.categories.map((category) => category.id),
  };
}
