import type { Cart, Customer, CustomerSignInResult } from '@commercetools/platform-sdk';
import { findActiveCart } from '../carts/active-cart.js';
import type { ApiContext } from '../context.js';
import { apiError, invalidJson } from '../errors.js';
import { isObject, jsonObjectBody, type JsonObject } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import type { MockGateway } from '../mock/gateway.js';
import { assignAnonymousSession } from './assign-session.js';
import { anonymousSessionPredicate } from './owner.js';

/**
 * Sign-up hands a guest's session to the new customer:
 * - `POST /me/signup` with a guest token: that session's carts and orders;
 * - `POST /customers` (project token) with `anonymousId` and/or `anonymousCart` in the draft.
 */
export function registerSignupRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/me/signup', mySignup).add('POST', '/:projectKey/customers', createCustomer);
}

async function mySignup(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  // A MyCustomerDraft names no guest session: the token does.
  const { anonymousId: _anonymousId, anonymousCart: _anonymousCart, ...draft } = jsonObjectBody(request);
  requireString(draft, 'password');
  const guest = ctx.principal.kind === 'anonymous' ? { anonymousId: ctx.principal.anonymousId } : {};
  return json(201, await signUp(ctx.gateway, draft, guest));
}

async function createCustomer(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const { anonymousId, anonymousCart, ...draft } = jsonObjectBody(request);
  if (anonymousId !== undefined && typeof anonymousId !== 'string') throw invalidJson('anonymousId: JSON String expected.');
  if (anonymousCart !== undefined && !(isObject(anonymousCart) && typeof anonymousCart.id === 'string')) {
    throw invalidJson('anonymousCart.id: JSON String expected.');
  }
  const guest = {
    ...(anonymousId === undefined ? {} : { anonymousId }),
    ...(anonymousCart === undefined ? {} : { anonymousCartId: anonymousCart.id as string }),
  };
  return json(201, await signUp(ctx.gateway, draft, guest));
}

interface GuestSession {
  readonly anonymousId?: string;
  readonly anonymousCartId?: string;
}

async function signUp(gateway: MockGateway, draft: JsonObject, guest: GuestSession): Promise<CustomerSignInResult> {
  requireString(draft, 'email');
  // Checked before the customer exists, so a bad cart reference leaves nothing half-done behind.
  const guestCart = await guestCartOf(gateway, guest);
  const { customer } = await gateway.call<{ customer: Customer }>('POST', '/customers', draft);
  if (guest.anonymousId !== undefined) await assignAnonymousSession(gateway, guest.anonymousId, customer.id, guestCart?.id);
  // Saved last, so the guest cart is the new customer's most recently modified one: their active cart.
  return guestCart ? { customer, cart: await gateway.save('cart', { ...guestCart, customerId: customer.id }) } : { customer };
}

async function guestCartOf(gateway: MockGateway, guest: GuestSession): Promise<Cart | undefined> {
  if (guest.anonymousCartId === undefined) {
    return guest.anonymousId === undefined ? undefined : findActiveCart(gateway, anonymousSessionPredicate(guest.anonymousId));
  }
  const cart = await gateway.findCart(guest.anonymousCartId);
  if (!cart || cart.customerId !== undefined) {
    throw apiError(400, 'ReferencedResourceNotFound', `The referenced object of type 'cart' with id '${guest.anonymousCartId}' was not found.`, {
      typeId: 'cart',
      id: guest.anonymousCartId,
    });
  }
  return cart;
}

function requireString(draft: JsonObject, field: string): void {
  const value = draft[field];
  if (typeof value !== 'string') throw invalidJson(value === undefined ? `${field}: Missing required value` : `${field}: JSON String expected.`);
}
