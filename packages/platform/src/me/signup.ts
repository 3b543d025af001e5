import type { Customer, CustomerSignInResult } from '@commercetools/platform-sdk';
import { findActiveCart } from '../carts/active-cart.js';
import type { ApiContext } from '../context.js';
import { invalidJson } from '../errors.js';
import { jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { assignAnonymousSession } from './assign-session.js';
import { anonymousSessionPredicate } from './owner.js';

/** `POST /me/signup`: creates the customer; with a guest token, the guest's carts and orders become theirs. */
export function registerSignupRoute(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/me/signup', signup);
}

async function signup(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  // A MyCustomerDraft names no guest session: the token does.
  const { anonymousId: _anonymousId, anonymousCart: _anonymousCart, ...draft } = jsonObjectBody(request);
  if (typeof draft.email !== 'string') throw invalidJson(draft.email === undefined ? 'email: Missing required value' : 'email: JSON String expected.');
  if (typeof draft.password !== 'string') {
    throw invalidJson(draft.password === undefined ? 'password: Missing required value' : 'password: JSON String expected.');
  }
  const { customer } = await ctx.gateway.call<{ customer: Customer }>('POST', '/customers', draft);
  if (ctx.principal.kind !== 'anonymous') return json(201, { customer });

  const { anonymousId } = ctx.principal;
  const guestCart = await findActiveCart(ctx.gateway, anonymousSessionPredicate(anonymousId));
  await assignAnonymousSession(ctx.gateway, anonymousId, customer.id, guestCart?.id);
  const result: CustomerSignInResult = guestCart
    ? { customer, cart: await ctx.gateway.save('cart', { ...guestCart, customerId: customer.id }) }
    : { customer };
  return json(201, result);
}
