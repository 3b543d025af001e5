import type { Cart, Order } from '@commercetools/platform-sdk';
import type { PlatformContext } from '../context.js';
import { apiError, concurrentModification } from '../errors.js';
import { owns, type Owner } from '../me/owner.js';

export interface OrderFromCart {
  readonly cartId: string;
  readonly version: number;
  readonly orderNumber?: string;
}

/**
 * Creates an order as commercetools does: only from an Active cart at its current version; the order
 * belongs to the cart's customer or anonymous session (and business unit); the cart ends Ordered, so a second order fails.
 * With an owner (a /me/orders call) only that owner's carts can be ordered.
 */
export async function createOrderFromCart(ctx: PlatformContext, input: OrderFromCart, owner?: Owner): Promise<Order> {
  const { cartId, version } = input;
  if (ctx.cartsBeingOrdered.has(cartId)) {
    throw apiError(409, 'ConcurrentModification', `An order is being created from cart '${cartId}' right now.`);
  }
  ctx.cartsBeingOrdered.add(cartId);
  try {
    const cart = await ctx.gateway.findCart(cartId);
    if (!cart || (owner && !owns(owner, cart))) {
      throw apiError(400, 'ReferencedResourceNotFound', `The referenced object of type 'cart' with id '${cartId}' was not found.`, {
        typeId: 'cart',
        id: cartId,
      });
    }
    if (cart.version !== version) {
      throw concurrentModification(cartId, version, cart.version);
    }
    if (cart.cartState !== 'Active') {
      throw apiError(400, 'InvalidOperation', `Cart '${cartId}' is ${cart.cartState}: only an Active cart can be ordered.`);
    }
    const created = await ctx.gateway.call<Order>('POST', '/orders', {
      cart: { typeId: 'cart', id: cartId },
      version,
      ...(input.orderNumber === undefined ? {} : { orderNumber: input.orderNumber }),
    });
    // What the mock's order leaves out: commercetools always sends `returnInfo` (empty until a return is added), and
    // an order from a business unit's cart belongs to that unit.
    const order = await ctx.gateway.complete('order', {
      ...created,
      returnInfo: created.returnInfo ?? [],
      ...(cart.businessUnit === undefined ? {} : { businessUnit: cart.businessUnit }),
    });
    await ctx.gateway.save('cart', { ...cart, cartState: 'Ordered' });
    return order;
  } finally {
    ctx.cartsBeingOrdered.delete(cartId);
  }
}
