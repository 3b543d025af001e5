import type { Cart } from '@commercetools/platform-sdk';
import { findActiveCart } from '../carts/active-cart.js';
import { validateCartDraft } from '../carts/draft-validation.js';
import { withQuotedSkusResolved } from '../carts/quoted-skus.js';
import { cartUpdateBody } from '../carts/update-body.js';
import { validateCartUpdate } from '../carts/update-validation.js';
import type { ApiContext } from '../context.js';
import { apiError, concurrentModification, resourceNotFound } from '../errors.js';
import { jsonObjectBody } from '../http/body.js';
import { checkPaging } from '../http/paging.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { withPredicates } from '../mock/gateway.js';
import { ownerOf, ownerPredicate, owns, type Owner } from './owner.js';

/** `/me/carts` and `/me/active-cart`, scoped to the token's customer or anonymous session. */
export function registerMyCartRoutes(router: Router<ApiContext>): void {
  router
    .add('GET', '/:projectKey/me/active-cart', activeCart)
    .add('GET', '/:projectKey/me/carts', listCarts)
    .add('POST', '/:projectKey/me/carts', createCart)
    .add('GET', '/:projectKey/me/carts/:id', getCart)
    .add('POST', '/:projectKey/me/carts/:id', updateCart)
    .add('DELETE', '/:projectKey/me/carts/:id', deleteCart);
}

async function activeCart(_request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await findActiveCart(ctx.gateway, ownerPredicate(ownerOf(ctx.principal)));
  if (!cart) throw resourceNotFound('No active cart exists.');
  return json(200, cart);
}

async function listCarts(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  checkPaging(request.query);
  const query = withPredicates(request.rawQuery, [ownerPredicate(ownerOf(ctx.principal))]);
  return ctx.gateway.forward('GET', `/carts?${query}`, '');
}

async function createCart(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const owner = ownerOf(ctx.principal);
  // A MyCartDraft has no owner fields: the owner is whoever the token speaks for.
  const { customerId: _customerId, anonymousId: _anonymousId, ...draft } = jsonObjectBody(request);
  validateCartDraft(draft);
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  const resolved = await withQuotedSkusResolved(ctx.gateway, draft, 'lineItems');
  return ctx.gateway.forward('POST', `/carts${query}`, JSON.stringify({ ...resolved, ...owner }));
}

async function getCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  await ownedCart(ctx, ownerOf(ctx.principal), params.id ?? '');
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return ctx.gateway.forward('GET', `/carts/${encodeURIComponent(params.id ?? '')}${query}`, '');
}

async function updateCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const owner = ownerOf(ctx.principal);
  const update = validateCartUpdate(jsonObjectBody(request), true);
  const cart = await ownedCart(ctx, owner, params.id ?? '');
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return ctx.gateway.forward('POST', `/carts/${cart.id}${query}`, await cartUpdateBody(ctx.gateway, cart, update));
}

async function deleteCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await ownedCart(ctx, ownerOf(ctx.principal), params.id ?? '');
  const version = Number(request.query.get('version') ?? Number.NaN);
  if (!Number.isInteger(version)) throw apiError(400, 'InvalidInput', "The query parameter 'version' (the cart's current version) is required.");
  if (version !== cart.version) {
    throw concurrentModification(cart.id, version, cart.version);
  }
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return ctx.gateway.forward('DELETE', `/carts/${cart.id}${query}`, '');
}

// Someone else's cart answers exactly like a missing one, so ids cannot be probed.
async function ownedCart(ctx: ApiContext, owner: Owner, id: string): Promise<Cart> {
  const cart = await ctx.gateway.findCart(id);
  if (!cart || !owns(owner, cart)) throw resourceNotFound(`The Resource with ID '${id}' was not found.`);
  return cart;
}
