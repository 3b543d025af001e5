import type { BusinessUnit, Cart, Order } from '@commercetools/platform-sdk';
import { validateCartDraft } from '../carts/draft-validation.js';
import { withQuotedSkusResolved } from '../carts/quoted-skus.js';
import { cartUpdateBody } from '../carts/update-body.js';
import { validateCartUpdate } from '../carts/update-validation.js';
import type { ApiContext } from '../context.js';
import { apiError, concurrentModification, invalidJson } from '../errors.js';
import { isObject, jsonObjectBody } from '../http/body.js';
import { checkPaging } from '../http/paging.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { withPredicates } from '../mock/gateway.js';
import { createOrderFromCart } from '../orders/create-from-cart.js';
import { associatePredicate, associatesUnit, businessUnitOfAssociate, businessUnitPredicate, businessUnitReference, inBusinessUnit } from './business-unit.js';

const ASSOCIATE = '/:projectKey/as-associate/:associateId';
const BASE = `${ASSOCIATE}/in-business-unit/:businessUnit`;

/**
 * Carts and orders of a business unit as an associate works with them (Associate Carts and Associate Orders APIs).
 * The mock serves these paths with its plain services: a cart created there references no business unit (so B2B
 * storefronts, which check `cart.businessUnit`, never find their cart again) and every cart and order of the
 * project is reachable through any unit, and every associate "has" every business unit of the project. Here each
 * is tied to the unit of its path, and an associate lists and changes only the units they belong to.
 */
export function registerAssociateRoutes(router: Router<ApiContext>): void {
  router
    .add('GET', `${ASSOCIATE}/business-units`, listBusinessUnits)
    .add('GET', `${ASSOCIATE}/business-units/:unit`, (request, params, ctx) => ownBusinessUnit('GET', request, params, ctx))
    .add('POST', `${ASSOCIATE}/business-units/:unit`, (request, params, ctx) => ownBusinessUnit('POST', request, params, ctx))
    .add('GET', `${BASE}/carts`, (request, params, ctx) => query('carts', request, params, ctx))
    .add('POST', `${BASE}/carts`, createCart)
    .add('GET', `${BASE}/carts/:id`, getCart)
    .add('POST', `${BASE}/carts/:id`, updateCart)
    .add('DELETE', `${BASE}/carts/:id`, deleteCart)
    .add('GET', `${BASE}/orders`, (request, params, ctx) => query('orders', request, params, ctx))
    .add('POST', `${BASE}/orders`, createOrder)
    .add('GET', `${BASE}/orders/:id`, getOrder);
}

const unitOf = (params: Params, ctx: ApiContext): Promise<BusinessUnit> => businessUnitOfAssociate(ctx, params.associateId ?? '', params.businessUnit ?? '');
const queryOf = (request: PlatformRequest): string => (request.rawQuery === '' ? '' : `?${request.rawQuery}`);

// "If the Cart exists in the Project but does not reference the requested BusinessUnit, this method returns an
// InvalidOperation error." (Associate Carts API); the same for orders.
function notInUnit(typeId: 'cart' | 'order', id: string, unit: BusinessUnit): never {
  throw apiError(400, 'InvalidOperation', `The ${typeId} '${id}' does not belong to business unit '${unit.key}'.`);
}

async function cartInUnit(ctx: ApiContext, id: string, unit: BusinessUnit): Promise<Cart> {
  const cart = await ctx.gateway.findCart(id);
  if (!cart) throw apiError(404, 'ResourceNotFound', `The Resource with ID '${id}' was not found.`);
  if (!inBusinessUnit(cart, unit)) notInUnit('cart', id, unit);
  return cart;
}

async function query(resource: 'carts' | 'orders', request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const unit = await unitOf(params, ctx);
  checkPaging(request.query);
  return ctx.gateway.forward('GET', `/${resource}?${withPredicates(request.rawQuery, [businessUnitPredicate(unit)])}`, '');
}

/** "Creates a Cart in the BusinessUnit referenced by businessUnitKey. As such, the businessUnit field on CartDraft is ignored." */
async function createCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const unit = await unitOf(params, ctx);
  const draft = jsonObjectBody(request);
  validateCartDraft(draft);
  const resolved = await withQuotedSkusResolved(ctx.gateway, draft, 'lineItems');
  return ctx.gateway.forward('POST', `/carts${queryOf(request)}`, JSON.stringify({ ...resolved, businessUnit: businessUnitReference(unit) }));
}

async function getCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await cartInUnit(ctx, params.id ?? '', await unitOf(params, ctx));
  return ctx.gateway.forward('GET', `/carts/${cart.id}${queryOf(request)}`, '');
}

async function updateCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const unit = await unitOf(params, ctx);
  const update = validateCartUpdate(jsonObjectBody(request), false);
  const cart = await cartInUnit(ctx, params.id ?? '', unit);
  return ctx.gateway.forward('POST', `/carts/${cart.id}${queryOf(request)}`, await cartUpdateBody(ctx.gateway, cart, update));
}

async function deleteCart(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await cartInUnit(ctx, params.id ?? '', await unitOf(params, ctx));
  const version = Number(request.query.get('version') ?? Number.NaN);
  if (!Number.isInteger(version)) throw apiError(400, 'InvalidInput', "The query parameter 'version' (the cart's current version) is required.");
  if (version !== cart.version) throw concurrentModification(cart.id, version, cart.version);
  return ctx.gateway.forward('DELETE', `/carts/${cart.id}${queryOf(request)}`, '');
}

/** OrderFromCartDraft `{ cart: { id }, version, orderNumber? }` of a cart of the unit; the order belongs to the unit too. */
async function createOrder(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const unit = await unitOf(params, ctx);
  const body = jsonObjectBody(request);
  const cart = body.cart;
  if (!isObject(cart) || typeof cart.id !== 'string') throw invalidJson('cart.id: Missing required value');
  if (typeof body.version !== 'number') throw invalidJson('version: JSON Number expected.');
  if (body.orderNumber !== undefined && typeof body.orderNumber !== 'string') throw invalidJson('orderNumber: JSON String expected.');
  await cartInUnit(ctx, cart.id, unit);
  const order = await createOrderFromCart(ctx, {
    cartId: cart.id,
    version: body.version,
    ...(body.orderNumber === undefined ? {} : { orderNumber: body.orderNumber }),
  });
  return json(201, order);
}

async function getOrder(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const unit = await unitOf(params, ctx);
  const id = params.id ?? '';
  const order: Order | undefined = await ctx.gateway.findOrder(id);
  if (!order) throw apiError(404, 'ResourceNotFound', `The Resource with ID '${id}' was not found.`);
  if (!inBusinessUnit(order, unit)) notInUnit('order', id, unit);
  return ctx.gateway.forward('GET', `/orders/${order.id}${queryOf(request)}`, '');
}

// The mock lists every unit of the project to every associate: a storefront that signs a buyer in to "their first
// unit" then picks someone else's.
async function listBusinessUnits(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  checkPaging(request.query);
  return ctx.gateway.forward('GET', `/business-units?${withPredicates(request.rawQuery, [associatePredicate(params.associateId ?? '')])}`, '');
}

async function ownBusinessUnit(method: 'GET' | 'POST', request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const segment = params.unit ?? '';
  await associatesUnit(ctx, params.associateId ?? '', segment);
  if (method === 'POST') jsonObjectBody(request);
  return ctx.gateway.forward(method, `/business-units/${encodeURIComponent(segment).replace(/^key%3D/, 'key=')}${queryOf(request)}`, request.rawBody);
}
