import type { DataSourceHandler } from '@ctp-session/session';
import { readAccount, readCart, readLastOrder, readProduct, readProducts } from '../read/readModels.js';
import { defineDataSource } from './defineDataSource.js';

const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 100;

/** Studio sends numbers from number fields and strings from text fields; accept both. */
function limitOf(value: unknown): number {
  const limit = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export const dataSources: Record<string, DataSourceHandler> = {
  /** The platform docs' example: the session's cart id, read straight from the session. */
  'example/get-cart-id': defineDataSource(async (scope) => ({ cartId: scope.session.cartId ?? null })),
  'commercetools/cart': defineDataSource(async (scope) => readCart(scope)),
  'commercetools/account': defineDataSource(async (scope) => readAccount(scope)),
  'commercetools/product-list': defineDataSource(async (scope, configuration) => ({
    products: await readProducts(scope, limitOf(configuration.limit), textOf(configuration.category)),
  })),
  'commercetools/product': defineDataSource(async (scope, configuration) => {
    const sku = textOf(configuration.sku);
    return { product: sku === undefined ? null : ((await readProduct(scope, sku)) ?? null) };
  }),
  'commercetools/order': defineDataSource(async (scope) => ({ order: (await readLastOrder(scope)) ?? null })),
};
