import type { Cart, LineItem, Order } from '@commercetools/platform-sdk';
import type { ApiContext } from '../context.js';
import { apiError, invalidJson } from '../errors.js';
import { isObject, jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';

/**
 * `POST /carts/replicate` (ReplicaCartDraft `{ reference, key? }`): a new Active cart with the customer,
 * addresses, settings and line items of a cart or order, as commercetools documents it; a line item that can
 * no longer be added is left out. The mock's own replicate refuses any cart or order that carries both a
 * customerId and an anonymousId, which every guest cart has after its shopper signs in.
 */
export function registerReplicateRoute(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/carts/replicate', replicate);
}

async function replicate(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const { reference, key } = body;
  if (!isObject(reference) || typeof reference.id !== 'string') throw invalidJson('reference.id: Missing required value');
  if (reference.typeId !== 'cart' && reference.typeId !== 'order') throw invalidJson("reference.typeId: expected 'cart' or 'order'.");
  if (key !== undefined && typeof key !== 'string') throw invalidJson('key: JSON String expected.');
  const source: Cart | Order | undefined = reference.typeId === 'cart' ? await ctx.gateway.findCart(reference.id) : await ctx.gateway.findOrder(reference.id);
  if (!source) throw apiError(400, 'InvalidInput', `The referenced ${reference.typeId} with ID '${reference.id}' was not found.`);

  const owner = source.customerId !== undefined ? { customerId: source.customerId } : source.anonymousId !== undefined ? { anonymousId: source.anonymousId } : {};
  const optional = { country: source.country, locale: source.locale, customerEmail: source.customerEmail, shippingAddress: source.shippingAddress, billingAddress: source.billingAddress, store: source.store, key };
  const draft = {
    currency: source.totalPrice.currencyCode,
    taxMode: source.taxMode,
    inventoryMode: source.inventoryMode,
    ...owner,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
  let cart = await ctx.gateway.call<Cart>('POST', '/carts', draft);
  for (const item of source.lineItems) cart = (await addIfStillValid(ctx, cart, item)) ?? cart;
  const saved = await ctx.gateway.findCart(cart.id);
  return json(201, saved ?? cart);
}

async function addIfStillValid(ctx: ApiContext, cart: Cart, item: LineItem): Promise<Cart | undefined> {
  const answer = await ctx.gateway.send('POST', `/carts/${cart.id}`, {
    version: cart.version,
    actions: [{ action: 'addLineItem', productId: item.productId, variantId: item.variant.id, quantity: item.quantity }],
  });
  return answer.status === 200 ? (answer.body as Cart) : undefined;
}
