import type { Cart, LineItem } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';

export const CART_SIGN_IN_MODES = ['MergeWithExistingCustomerCart', 'UseAsNewActiveCustomerCart'] as const;
export type CartSignInMode = (typeof CART_SIGN_IN_MODES)[number];

/**
 * Settles a guest's active cart when its owner signs in, per commercetools' sign-in modes:
 * - MergeWithExistingCustomerCart: the guest's line items go into the customer's active cart (same
 *   variant: the larger quantity wins) and the guest cart ends Merged; with no customer cart the
 *   guest cart simply becomes the customer's;
 * - UseAsNewActiveCustomerCart: the guest cart becomes the customer's active cart.
 * Returns the customer's active cart afterwards.
 */
export async function settleGuestCart(
  gateway: MockGateway,
  customerId: string,
  guestCart: Cart,
  customerCart: Cart | undefined,
  mode: CartSignInMode,
): Promise<Cart> {
  if (mode === 'UseAsNewActiveCustomerCart' || !customerCart) {
    return gateway.save('cart', { ...guestCart, customerId });
  }
  await gateway.save('cart', { ...guestCart, customerId, cartState: 'Merged' });
  const actions = mergeActions(guestCart.lineItems, customerCart.lineItems);
  // An empty update still touches the cart, so it stays the customer's most recent one.
  return actions.length > 0 ? gateway.updateCart(customerCart, actions) : gateway.save('cart', customerCart);
}

function mergeActions(guestItems: readonly LineItem[], customerItems: readonly LineItem[]): unknown[] {
  const actions: unknown[] = [];
  for (const item of guestItems) {
    const same = customerItems.find((existing) => existing.productId === item.productId && existing.variant.id === item.variant.id);
    if (!same) {
      actions.push({ action: 'addLineItem', productId: item.productId, variantId: item.variant.id, quantity: item.quantity });
    } else if (item.quantity > same.quantity) {
      actions.push({ action: 'changeLineItemQuantity', lineItemId: same.id, quantity: item.quantity });
    }
  }
  return actions;
}
