'use client';

import useSWR, { useSWRConfig } from 'swr';
import { queuedAction } from '../lib/queued-action';
import { CART_PATH, type Cart } from '../lib/shop-types';

/** The shopper's cart from the SWR cache of `/action/cart/getCart`, shared by the header and the tastics. */
export function useCart(fallbackData?: Cart) {
  return useSWR<Cart>(CART_PATH, fallbackData === undefined ? {} : { fallbackData });
}

/** Runs a cart-writing action through the queue and puts the cart it answers with into the SWR cache. */
export function useCartWrite() {
  const { mutate } = useSWRConfig();
  return async (action: string, body: unknown): Promise<Cart> => {
    const cart = await queuedAction<Cart>(`/action/cart/${action}`, body);
    await mutate(CART_PATH, cart, { revalidate: false });
    return cart;
  };
}
