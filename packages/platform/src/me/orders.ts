import type { ApiContext } from '../context.js';
import { invalidJson, resourceNotFound } from '../errors.js';
import { jsonObjectBody } from '../http/body.js';
import { checkPaging } from '../http/paging.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { withPredicates } from '../mock/gateway.js';
import { createOrderFromCart } from '../orders/create-from-cart.js';
import { ownerOf, ownerPredicate, owns } from './owner.js';

/** `/me/orders`, scoped to the token's customer or anonymous session. */
export function registerMyOrderRoutes(router: Router<ApiContext>): void {
  router
    .add('GET', '/:projectKey/me/orders', listOrders)
    .add('POST', '/:projectKey/me/orders', createOrder)
    .add('GET', '/:projectKey/me/orders/:id', getOrder);
}

async function listOrders(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  checkPaging(request.query);
  const query = withPredicates(request.rawQuery, [ownerPredicate(ownerOf(ctx.principal))]);
  return ctx.gateway.forward('GET', `/orders?${query}`, '');
}

async function getOrder(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const owner = ownerOf(ctx.principal);
  const id = params.id ?? '';
  const order = await ctx.gateway.findOrder(id);
  if (!order || !owns(owner, order)) throw resourceNotFound(`The Resource with ID '${id}' was not found.`);
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return ctx.gateway.forward('GET', `/orders/${order.id}${query}`, '');
}

/** MyOrderFromCartDraft: `{ id, version }` of one of the caller's own carts. */
async function createOrder(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const owner = ownerOf(ctx.principal);
  const body = jsonObjectBody(request);
  if (typeof body.id !== 'string') throw invalidJson(body.id === undefined ? 'id: Missing required value' : 'id: JSON String expected.');
  if (typeof body.version !== 'number') {
    throw invalidJson(body.version === undefined ? 'version: Missing required value' : 'version: JSON Number expected.');
  }
  const order = await createOrderFromCart(ctx, { cartId: body.id, version: body.version }, owner);
  return json(201, order);
}
