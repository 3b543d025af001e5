import { CartApi } from '../commercetools/api/CartApi.js';
import { BadRequestError } from '../errors.js';
import { emptyCart, mapCart } from '../mappers/cartMapper.js';
import { mapOrder } from '../mappers/orderMapper.js';
import { ShopperCart } from '../services/ShopperCart.js';
import { forgetCart } from '../session/cartReference.js';
import { integer, object, optional, string } from '../utils/validate.js';
import { defineAction } from './defineAction.js';

const MAX_QUANTITY = 999;

const addressShape = {
  firstName: optional(string()),
  lastName: optional(string()),
  streetName: optional(string()),
  streetNumber: optional(string({ maxLength: 32 })),
  postalCode: optional(string({ maxLength: 32 })),
  city: optional(string()),
  country: (value: unknown, name: string): string => {
    const country = string({ maxLength: 2 })(value, name);
    if (!/^[A-Z]{2}$/.test(country)) throw new BadRequestError(`"${name}" must be a two-letter ISO country code such as DE.`);
    return country;
  },
  email: optional(string()),
};

/** `cart/getCart` → the active cart, or an empty one. Creates nothing. */
export const getCart = defineAction(async (scope) => {
  scope.body({});
  const cart = await new ShopperCart(scope).current();
  return { body: cart === undefined ? emptyCart() : mapCart(cart, scope.locale) };
});

/** `cart/addToCart` `{ sku, count? = 1 }` → the cart. The first write opens the cart. */
export const addToCart = defineAction(async (scope) => {
  const { sku, count } = scope.body({ sku: string(), count: optional(integer(1, MAX_QUANTITY), 1) });
  const cart = await new ShopperCart(scope).addLineItem(sku, count ?? 1);
  return { body: mapCart(cart, scope.locale) };
});

/** `cart/updateLineItem` `{ lineItemId, count }` → the cart; a count of 0 removes the line item. */
export const updateLineItem = defineAction(async (scope) => {
  const { lineItemId, count } = scope.body({ lineItemId: string(), count: integer(0, MAX_QUANTITY) });
  const cart = await new ShopperCart(scope).updateLineItem(
    count === 0 ? { action: 'removeLineItem', lineItemId } : { action: 'changeLineItemQuantity', lineItemId, quantity: count },
  );
  return { body: cart === undefined ? emptyCart() : mapCart(cart, scope.locale) };
});

/** `cart/removeLineItem` `{ lineItemId }` → the cart. */
export const removeLineItem = defineAction(async (scope) => {
  const { lineItemId } = scope.body({ lineItemId: string() });
  const cart = await new ShopperCart(scope).updateLineItem({ action: 'removeLineItem', lineItemId });
  return { body: cart === undefined ? emptyCart() : mapCart(cart, scope.locale) };
});

/**
 * `cart/checkout` `{ shippingAddress? }` → the order. The cart is read (or, with an address, updated)
 * first, so an empty cart is refused before an order is made; then `lastOrderId` is stored and the
 * cart forgotten.
 */
export const checkout = defineAction(async (scope) => {
  const { shippingAddress } = scope.body({ shippingAddress: optional(object(addressShape)) });
  const shopperCart = new ShopperCart(scope);
  const cart = shippingAddress === undefined ? await shopperCart.current() : await shopperCart.update([{ action: 'setShippingAddress', address: shippingAddress }]);
  if (cart === undefined || cart.lineItems.length === 0) throw new BadRequestError('The cart is empty: add a product before checking out.', 'CART_EMPTY');
  const order = await new CartApi(await scope.shopperApi()).orderMyCart({ id: cart.id, version: cart.version });
  scope.session.lastOrderId = order.id;
  forgetCart(scope.session);
  return { body: mapOrder(order, scope.locale) };
});
