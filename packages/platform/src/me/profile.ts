import type { ApiContext } from '../context.js';
import { insufficientScope } from '../errors.js';
import { jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import type { PlatformRequest, PlatformResponse } from '../http/types.js';

/** `GET/POST/DELETE /me`: the profile of the token's customer. */
export function registerMyProfileRoutes(router: Router<ApiContext>): void {
  router
    .add('GET', '/:projectKey/me', (request, _params, ctx) => forwardToCustomer('GET', request, ctx))
    .add('POST', '/:projectKey/me', (request, _params, ctx) => {
      jsonObjectBody(request);
      return forwardToCustomer('POST', request, ctx);
    })
    .add('DELETE', '/:projectKey/me', (request, _params, ctx) => forwardToCustomer('DELETE', request, ctx));
}

// commercetools serves /me only to password-flow tokens: an anonymous session has no profile.
function customerIdOf(ctx: ApiContext): string {
  if (ctx.principal.kind === 'customer') return ctx.principal.customerId;
  throw insufficientScope('This endpoint can only be used with a customer access token (password flow); sign in first.');
}

async function forwardToCustomer(method: string, request: PlatformRequest, ctx: ApiContext): Promise<PlatformResponse> {
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return ctx.gateway.forward(method, `/customers/${customerIdOf(ctx)}${query}`, request.rawBody);
}

