import type { Customer } from '@commercetools/platform-sdk';
import type { ApiContext } from '../context.js';
import { apiError, concurrentModification, insufficientScope, invalidJson, resourceNotFound } from '../errors.js';
import { jsonObjectBody, type JsonObject } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';

const EMAIL_TOKEN_PREFIX = 'email-token=';

/**
 * The email verification flow of commercetools' Customers API:
 * - `POST /customers/email-token` `{ id, ttlMinutes, version?, invalidateOlderTokens? }` → CustomerToken;
 * - `GET /customers/email-token={value}` → the token's customer;
 * - `POST /customers/email/confirm` `{ tokenValue, version? }` and `POST /me/email/confirm` `{ tokenValue }`
 *   (a customer token, for its own customer) → the customer with `isEmailVerified: true`.
 * An unknown or already used token is a 404 ResourceNotFound, an expired one a 400 ExpiredCustomerEmailToken.
 * Token values never appear in error messages.
 */
export function registerEmailVerificationRoutes(router: Router<ApiContext>): void {
  router
    .add('POST', '/:projectKey/customers/email-token', createToken)
    .add('POST', '/:projectKey/customers/email/confirm', (request, _params, ctx) => confirm(request, ctx, undefined))
    .add('POST', '/:projectKey/me/email/confirm', confirmMine)
    .add('GET', '/:projectKey/customers/:id', customerByEmailTokenOrId);
}

async function createToken(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const id = requiredString(body, 'id');
  const { ttlMinutes, invalidateOlderTokens } = body;
  if (ttlMinutes === undefined) throw invalidJson('ttlMinutes: Missing required value');
  if (typeof ttlMinutes !== 'number' || !Number.isInteger(ttlMinutes) || ttlMinutes < 1) throw invalidJson('ttlMinutes: a whole number of minutes (at least 1) is expected.');
  if (invalidateOlderTokens !== undefined && typeof invalidateOlderTokens !== 'boolean') throw invalidJson('invalidateOlderTokens: JSON Boolean expected.');
  const customer = await ctx.gateway.findCustomer(id);
  if (!customer) throw resourceNotFound(`The Customer with ID '${id}' was not found.`);
  checkVersion(body, customer);
  return json(200, ctx.emailTokens.create(customer.id, ttlMinutes, invalidateOlderTokens === true));
}

async function confirmMine(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  if (ctx.principal.kind !== 'customer') throw insufficientScope('This endpoint can only be used with a customer access token (password flow); sign in first.');
  return confirm(request, ctx, ctx.principal.customerId);
}

/** Verifies the email of the token's customer; with `ownerId` (a /me call) only that customer's tokens count. */
async function confirm(request: PlatformRequest, ctx: ApiContext, ownerId: string | undefined): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const customer = await customerOfToken(ctx, requiredString(body, 'tokenValue'), ownerId);
  checkVersion(body, customer);
  await ctx.gateway.saveCustomer(customer, { isEmailVerified: true });
  ctx.emailTokens.invalidate(customer.id);
  return ctx.gateway.forward('GET', `/customers/${customer.id}`, '');
}

async function customerByEmailTokenOrId(request: PlatformRequest, params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const id = params.id ?? '';
  if (!id.startsWith(EMAIL_TOKEN_PREFIX)) {
    // Not a token lookup (an id, `key=…`, `password-token=…`): the mock answers it, on the path as sent.
    const path = request.path.slice(ctx.projectKey.length + 1);
    return ctx.gateway.forward('GET', request.rawQuery === '' ? path : `${path}?${request.rawQuery}`, '');
  }
  const customer = await customerOfToken(ctx, id.slice(EMAIL_TOKEN_PREFIX.length), undefined);
  return ctx.gateway.forward('GET', `/customers/${customer.id}`, '');
}

async function customerOfToken(ctx: ApiContext, value: string, ownerId: string | undefined): Promise<Customer> {
  const check = ctx.emailTokens.check(value);
  if (!check.ok && check.reason === 'expired') throw apiError(400, 'ExpiredCustomerEmailToken', 'The given email token has expired.');
  const customer = check.ok && (ownerId === undefined || ownerId === check.customerId) ? await ctx.gateway.findCustomer(check.customerId) : undefined;
  if (!customer) throw resourceNotFound('No customer was found for the given email token: it is unknown, was already used or was replaced by a newer one.');
  return customer;
}

export function checkVersion(body: JsonObject, customer: Customer): void {
  const { version } = body;
  if (version === undefined) return;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw invalidJson('version: JSON Number expected.');
  if (version !== customer.version) throw concurrentModification(customer.id, version, customer.version);
}

export function requiredString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  throw invalidJson(value === undefined ? `${field}: Missing required value` : `${field}: JSON String expected.`);
}
