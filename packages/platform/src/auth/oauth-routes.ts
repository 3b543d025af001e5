import { randomUUID } from 'node:crypto';
import type { PlatformContext } from '../context.js';
import { findCustomerByCredentials } from '../customers/credentials.js';
import { authError } from '../errors.js';
import { formParams } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { requireClient } from './client-credentials.js';

const MAX_ANONYMOUS_ID_LENGTH = 256;

/** The commercetools auth API on the platform's own origin: `/oauth/...`. */
export function registerOAuthRoutes(router: Router<PlatformContext>): void {
  router
    .add('POST', '/oauth/token', tokenEndpoint)
    .add('POST', '/oauth/token/revoke', revocationEndpoint)
    .add('POST', '/oauth/:projectKey/anonymous/token', anonymousTokenEndpoint)
    .add('POST', '/oauth/:projectKey/customers/token', customerTokenEndpoint);
}

async function tokenEndpoint(request: PlatformRequest, _params: Params, ctx: PlatformContext): Promise<PlatformResponse> {
  requireClient(request, ctx.client);
  const param = formParams(request);
  const grantType = requireParam(param('grant_type'), 'grant_type');
  if (grantType === 'client_credentials') {
    return json(200, ctx.tokens.issue({ kind: 'client' }, param('scope') ?? `manage_project:${ctx.projectKey}`, false));
  }
  if (grantType === 'refresh_token') {
    const token = ctx.tokens.refreshAccess(requireParam(param('refresh_token'), 'refresh_token'));
    if (!token) throw authError(400, 'invalid_grant', 'The refresh token was not found. It may have expired.');
    return json(200, token);
  }
  throw unsupportedGrant(grantType);
}

/**
 * commercetools' token revocation (RFC 7009): HTTP Basic client credentials, form fields `token` and
 * `token_type_hint` (`access_token` or `refresh_token`). 200 with an empty body, known token or not.
 */
async function revocationEndpoint(request: PlatformRequest, _params: Params, ctx: PlatformContext): Promise<PlatformResponse> {
  requireClient(request, ctx.client);
  ctx.tokens.revoke(requireParam(formParams(request)('token'), 'token'));
  return { status: 200, body: '' };
}

async function anonymousTokenEndpoint(request: PlatformRequest, params: Params, ctx: PlatformContext): Promise<PlatformResponse> {
  requireClient(request, ctx.client);
  requireProject(params, ctx);
  const param = formParams(request);
  const grantType = requireParam(param('grant_type'), 'grant_type');
  if (grantType !== 'client_credentials') throw unsupportedGrant(grantType);
  const requested = param('anonymous_id');
  if (requested !== undefined && (requested.trim() === '' || requested.length > MAX_ANONYMOUS_ID_LENGTH)) {
    throw authError(400, 'invalid_request', `Invalid parameter: anonymous_id must be 1 to ${MAX_ANONYMOUS_ID_LENGTH} characters.`);
  }
  const anonymousId = requested ?? randomUUID();
  const scope = `${param('scope') ?? sessionScopes(ctx.projectKey)} anonymous_id:${anonymousId}`;
  return json(200, ctx.tokens.issue({ kind: 'anonymous', anonymousId }, scope, true));
}

async function customerTokenEndpoint(request: PlatformRequest, params: Params, ctx: PlatformContext): Promise<PlatformResponse> {
  requireClient(request, ctx.client);
  requireProject(params, ctx);
  const param = formParams(request);
  const grantType = requireParam(param('grant_type'), 'grant_type');
  if (grantType !== 'password') throw unsupportedGrant(grantType);
  const username = requireParam(param('username'), 'username');
  const password = requireParam(param('password'), 'password');
  const customer = await findCustomerByCredentials(ctx.gateway, username, password);
  if (!customer) {
    throw authError(400, 'invalid_customer_account_credentials', 'Customer account with the given credentials not found.');
  }
  const scope = `${param('scope') ?? sessionScopes(ctx.projectKey)} customer_id:${customer.id}`;
  return json(200, ctx.tokens.issue({ kind: 'customer', customerId: customer.id }, scope, true));
}

function sessionScopes(projectKey: string): string {
  return ['view_published_products', 'manage_my_orders', 'manage_my_profile', 'view_categories']
    .map((scope) => `${scope}:${projectKey}`)
    .join(' ');
}

function requireParam(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw authError(400, 'invalid_request', `Missing required parameter: ${name}.`);
  return value;
}

function requireProject(params: Params, ctx: PlatformContext): void {
  if (params.projectKey !== ctx.projectKey) {
    throw authError(400, 'invalid_scope', `Unknown project '${params.projectKey ?? ''}': this platform serves '${ctx.projectKey}'.`);
  }
}

function unsupportedGrant(grantType: string) {
  return authError(400, 'unsupported_grant_type', `Invalid parameter: grant_type: Invalid grant type: ${grantType}`);
}
