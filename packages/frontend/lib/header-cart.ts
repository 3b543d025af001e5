import { CART_PATH, type Cart } from './shop-types';
import { storeSession } from './store-session';

/**
 * The cart for the header's count, read while the layout renders, so a page without JavaScript shows it too.
 * `cart/getCart` is a declared read: a Server Component may call it. Without a session there is nothing to
 * read; when the read fails the header starts at 0 and the page's script asks again.
 */
export async function headerFallback(): Promise<Record<string, Cart>> {
  if ((await storeSession.sessionToken()) === undefined) return {};
  try {
    return { [CART_PATH]: await storeSession.readAction<Cart>({ actionName: 'cart/getCart' }) };
  } catch {
    return {};
  }
}
