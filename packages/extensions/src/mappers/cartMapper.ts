import type { Cart as CtCart } from '@commercetools/platform-sdk';
import type { Cart } from '../types/Cart.js';
import { countItems, mapLineItem } from './lineItemMapper.js';
import { mapMoney, zeroMoney } from './moneyMapper.js';

export const DEFAULT_CURRENCY = 'EUR';

export function mapCart(cart: CtCart, locale: string): Cart {
  const lineItems = cart.lineItems.map((item) => mapLineItem(item, locale));
  return {
    id: cart.id,
    currency: cart.totalPrice.currencyCode,
    lineItems,
    itemCount: countItems(lineItems),
    totalPrice: mapMoney(cart.totalPrice),
  };
}

/** What a shopper without a cart sees: nothing was created to show it. */
export function emptyCart(currency: string = DEFAULT_CURRENCY): Cart {
  return { id: null, currency, lineItems: [], itemCount: 0, totalPrice: zeroMoney(currency) };
}
