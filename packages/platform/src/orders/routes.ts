import type { ApiContext } from '../context.js';
import { invalidJson } from '../errors.js';
import { isObject, jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { createOrderFromCart } from './create-from-cart.js';

const ORDER_NUMBER_PREFIX = 'order-number=';

/**
 * `POST /{projectKey}/orders` (OrderFromCartDraft) with the cart rules the mock leaves out, and
 * `POST /orders/order-number={orderNumber}` (update by order number), which the mock lacks.
 */
export function registerOrderRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/orders', createOrder).add('POST', '/:projectKey/orders/:id', updateOrder);
}

async function updateOrder(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const id = params.id ?? '';
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  if (!id.startsWith(ORDER_NUMBER_PREFIX)) return ctx.gateway.forward('POST', `${request.path.slice(ctx.projectKey.length + 1)}${query}`, request.rawBody);
  jsonObjectBody(request);
  const found = await ctx.gateway.send('GET', `/orders/${ORDER_NUMBER_PREFIX}${encodeURIComponent(id.slice(ORDER_NUMBER_PREFIX.length))}`);
  if (found.status !== 200 || !isObject(found.body) || typeof found.body.id !== 'string') return { status: found.status, body: found.body };
  return ctx.gateway.forward('POST', `/orders/${found.body.id}${query}`, request.rawBody);
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
