import type { Cart, Order } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';
import { anonymousSessionPredicate } from './owner.js';

/**
 * Gives every cart and order of a guest's anonymous session to a customer, as sign-in and sign-up do.
 * `except` is left alone: the caller settles the guest's active cart itself, last, so that it ends
 * up the customer's most recently modified cart.
 */
export async function assignAnonymousSession(
  gateway: MockGateway,
  anonymousId: string,
  customerId: string,
  except?: string,
): Promise<void> {
  const session = anonymousSessionPredicate(anonymousId);
  const [carts, orders] = await Promise.all([
    gateway.queryAll<Cart>('carts', [session]),
    gateway.queryAll<Order>('orders', [session]),
  ]);
  for (const cart of carts) if (cart.id !== except) await gateway.save('cart', { ...cart, customerId }, false);
  for (const order of orders) await gateway.save('order', { ...order, customerId }, false);
}
