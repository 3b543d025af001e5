import type { Cart, ShippingMethod, Zone } from '@commercetools/platform-sdk';
import type { ApiContext } from '../context.js';
import { apiError } from '../errors.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { matchShippingMethods, type MatchCriteria } from './matching.js';

// A local project has a handful of shipping methods and zones: one page of the mock's maximum holds them all.
const ALL = 500;

/**
 * commercetools' matching endpoints for shipping methods. The mock has only `matching-cart`, which marks
 * every zone's rates as matching and ignores `active` and `isDefault`; `matching-location` is missing.
 */
export function registerShippingMatchRoutes(router: Router<ApiContext>): void {
  router
    .add('GET', '/:projectKey/shipping-methods/matching-cart', matchingCart)
    .add('GET', '/:projectKey/shipping-methods/matching-cart-location', matchingCartLocation)
    .add('GET', '/:projectKey/shipping-methods/matching-location', matchingLocation);
}

async function matchingCart(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await requiredCart(request, ctx);
  const country = cart.shippingAddress?.country;
  if (!country) throw apiError(400, 'InvalidOperation', `The cart with ID '${cart.id}' does not have a shipping address set.`);
  return answer(request, ctx, { ...cartCriteria(cart), country, ...(cart.shippingAddress?.state ? { state: cart.shippingAddress.state } : {}) });
}

async function matchingCartLocation(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const cart = await requiredCart(request, ctx);
  return answer(request, ctx, { ...cartCriteria(cart), ...location(request) });
}

async function matchingLocation(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const currency = request.query.get('currency') ?? undefined;
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw apiError(400, 'InvalidInput', `The query parameter 'currency' must be an ISO 4217 currency code, got '${currency}'.`);
  }
  return answer(request, ctx, { ...location(request), ...(currency ? { currency } : {}) });
}

const cartCriteria = (cart: Cart): Pick<MatchCriteria, 'currency' | 'cartTotalCentAmount'> => ({
  currency: cart.totalPrice.currencyCode,
  cartTotalCentAmount: cart.totalPrice.centAmount,
});

function location(request: PlatformRequest): Pick<MatchCriteria, 'country' | 'state'> {
  const country = request.query.get('country');
  if (country === null) throw apiError(400, 'InvalidInput', "The query parameter 'country' is required.");
  if (!/^[A-Z]{2}$/.test(country)) throw apiError(400, 'InvalidInput', `The query parameter 'country' must be a two-letter ISO 3166 code, got '${country}'.`);
  const state = request.query.get('state');
  return state ? { country, state } : { country };
}

async function requiredCart(request: PlatformRequest, ctx: ApiContext): Promise<Cart> {
  const cartId = request.query.get('cartId');
  if (!cartId) throw apiError(400, 'InvalidInput', "The query parameter 'cartId' is required.");
  const cart = await ctx.gateway.findCart(cartId);
  if (!cart) throw apiError(400, 'InvalidInput', `The cart with ID '${cartId}' was not found.`);
  return cart;
}

async function answer(request: PlatformRequest, ctx: ApiContext, criteria: MatchCriteria): Promise<PlatformResponse> {
  const expand = new URLSearchParams(request.query.getAll('expand').map((path): [string, string] => ['expand', path]));
  const methods = await ctx.gateway.call<{ results: ShippingMethod[] }>('GET', `/shipping-methods?limit=${ALL}${expand.size > 0 ? `&${expand}` : ''}`);
  const zones = await ctx.gateway.call<{ results: Zone[] }>('GET', `/zones?limit=${ALL}`);
  const results = matchShippingMethods(methods.results, zones.results, criteria);
  // Everything matching fits on one page, so the page's limit is commercetools' default of 20 or the count.
  return json(200, { limit: Math.max(20, results.length), offset: 0, count: results.length, total: results.length, results });
}
