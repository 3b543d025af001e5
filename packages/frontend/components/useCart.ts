'use client';

import useSWR from 'swr';
import { CART_PATH, type Cart } from '../lib/shop-types';

/** The shopper's cart from the SWR cache of `/action/cart/getCart`, shared by the header and the tastics. */
export function useCart(fallbackData?: Cart) {
  return useSWR<Cart>(CART_PATH, fallbackData === undefined ? {} : { fallbackData });
}
