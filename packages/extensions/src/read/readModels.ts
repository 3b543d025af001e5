import { AccountApi } from '../commercetools/api/AccountApi.js';
import { CartApi } from '../commercetools/api/CartApi.js';
import { OrderApi } from '../commercetools/api/OrderApi.js';
import { ProductApi } from '../commercetools/api/ProductApi.js';
import { outOfReachAsUndefined } from '../commercetools/http/notFoundAsUndefined.js';
import { emptyCart, mapCart } from '../mappers/cartMapper.js';
import { mapCustomer } from '../mappers/customerMapper.js';
import { mapOrder } from '../mappers/orderMapper.js';
import { mapProduct } from '../mappers/productMapper.js';
import { DEFAULT_CURRENCY } from '../mappers/cartMapper.js';
import type { Account } from '../types/Account.js';
import type { Cart } from '../types/Cart.js';
import type { Order } from '../types/Order.js';
import type { Product } from '../types/Product.js';
import type { ReadScope } from './ReadScope.js';

/** The reads behind the data sources and the dynamic page handler, shared so both show the same data. */

export async function readCart(scope: ReadScope): Promise<Cart> {
  const cartId = scope.session.cartId;
  const api = cartId === undefined ? undefined : await scope.shopperApi();
  const cart = api && cartId !== undefined ? await new CartApi(api).getMyCart(cartId) : undefined;
  return cart === undefined || cart.cartState !== 'Active' ? emptyCart() : mapCart(cart, scope.locale);
}

export async function readAccount(scope: ReadScope): Promise<Account> {
  if (scope.session.customerId === undefined) return { loggedIn: false };
  const api = await scope.shopperApi();
  // A token refused for good (revoked at logout, a replayed session) is a signed-out shopper, not an error.
  const customer = api && (await outOfReachAsUndefined(() => new AccountApi(api).me()));
  return customer === undefined ? { loggedIn: false } : { loggedIn: true, customer: mapCustomer(customer) };
}

export async function readLastOrder(scope: ReadScope): Promise<Order | undefined> {
  const orderId = scope.session.lastOrderId;
  const api = orderId === undefined ? undefined : await scope.shopperApi();
  const order = api && orderId !== undefined ? await new OrderApi(api).getMyOrder(orderId) : undefined;
  return order && mapOrder(order, scope.locale);
}

export async function readProduct(scope: ReadScope, sku: string): Promise<Product | undefined> {
  const product = await new ProductApi(await scope.commerce.asClient()).bySku(sku);
  return product && mapProduct(product, scope.locale, DEFAULT_CURRENCY);
}

export async function readProducts(scope: ReadScope, limit: number, categoryKey: string | undefined): Promise<readonly Product[]> {
  const products = await new ProductApi(await scope.commerce.asClient()).list(limit, categoryKey);
  return products.map((product) => mapProduct(product, scope.locale, DEFAULT_CURRENCY));
}
