import type { ApiContext } from '../context.js';
import { invalidJson } from '../errors.js';
import { isObject, jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { createOrderFromCart } from './create-from-cart.js';

/** `POST /{projectKey}/orders` (OrderFromCartDraft) with the cart rules the mock leaves out. */
export function registerOrderRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/orders', createOrder);
}

async function createOrder(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const cart = body.cart;
  if (!isObject(cart)) throw invalidJson('cart: Missing required value');
  if (typeof cart.id !== 'string') throw invalidJson('cart.id: JSON String expected.');
  if (typeof body.version !== 'number') throw invalidJson('version: JSON Number expected.');
  if (body.orderNumber !== undefined && typeof body.orderNumber !== 'string') throw invalidJson('orderNumber: JSON String expected.');
  const order = await createOrderFromCart(ctx, {
    cartId: cart.id,
    version: body.version,
    ...(body.orderNumber === undefined ? {} : { orderNumber: body.orderNumber }),
  });
  return json(201, order);
}
