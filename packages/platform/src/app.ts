import { registerAssociateRoutes } from './associates/routes.js';
import { authenticate } from './auth/bearer.js';
import { authorize } from './auth/scopes.js';
import { registerOAuthRoutes } from './auth/oauth-routes.js';
import { registerProductSearch } from './catalogue/product-search/search.js';
import { registerProductSearchRoute } from './catalogue/search.js';
import { validateCartDraft } from './carts/draft-validation.js';
import { registerReplicateRoute } from './carts/replicate.js';
import { assertCartUpdatable } from './carts/modifiable.js';
import { withQuotedSkusResolved } from './carts/quoted-skus.js';
import { withCartTotals } from './carts/totals.js';
import { validateCartUpdate } from './carts/update-validation.js';
import type { ApiContext, PlatformContext } from './context.js';
import { registerEmailVerificationRoutes } from './customers/email-verification.js';
import { registerPasswordChangeRoute } from './customers/password-change.js';
import { concurrentModification, resourceNotFound } from './errors.js';
import { jsonObjectBody, type JsonObject } from './http/body.js';
import { checkPaging } from './http/paging.js';
import { Router } from './http/router.js';
import type { PlatformRequest, PlatformResponse } from './http/types.js';
import { registerMyCartRoutes } from './me/carts.js';
import { registerLoginRoutes } from './me/login-routes.js';
import { registerMyOrderRoutes } from './me/orders.js';
import { registerMyProfileRoutes } from './me/profile.js';
import { registerSignupRoutes } from './me/signup.js';
import { registerOrderRoutes } from './orders/routes.js';
import { productImageSvg } from './seed/images.js';
import { registerShippingMatchRoutes } from './shipping/routes.js';

export type Dispatch = (request: PlatformRequest) => Promise<PlatformResponse>;

/**
 * Routes a request: the auth API and product images are open; the project API needs a valid token.
 * Routes whose commercetools behaviour the mock lacks are answered here; the rest go to the mock.
 */
export function createDispatcher(ctx: PlatformContext): Dispatch {
  const open = new Router<PlatformContext>();
  registerOAuthRoutes(open);

  const api = new Router<ApiContext>();
  registerMyCartRoutes(api);
  registerMyOrderRoutes(api);
  registerLoginRoutes(api);
  registerSignupRoutes(api);
  registerMyProfileRoutes(api);
  registerOrderRoutes(api);
  registerProductSearchRoute(api);
  registerProductSearch(api);
  registerShippingMatchRoutes(api);
  registerEmailVerificationRoutes(api);
  registerPasswordChangeRoute(api);
  registerReplicateRoute(api);
  registerAssociateRoutes(api);
  api.add('POST', '/:projectKey/carts', async (request, _params, context) => {
    const draft = jsonObjectBody(request);
    validateCartDraft(draft);
    return forward(withBody(request, await withQuotedSkusResolved(context.gateway, draft, 'lineItems')), context);
  });
  api.add('POST', '/:projectKey/carts/:id', updateCart);

  const route: Dispatch = async (request) => {
    const openRoute = open.match(request.method, request.path);
    if (openRoute) return openRoute.handler(request, openRoute.params, ctx);
    if ((request.method === 'GET' || request.method === 'HEAD') && request.path.startsWith('/images/')) return image(request.path);
    if (request.path.startsWith('/oauth/')) throw resourceNotFound(`No auth endpoint ${request.method} ${request.path}.`);

    const caller = authenticate(request, ctx.tokens);
    const [projectKey, ...projectPath] = request.path.split('/').filter((segment) => segment !== '');
    if (projectKey !== ctx.projectKey) throw resourceNotFound(`Project '${projectKey ?? ''}' does not exist here; this platform serves '${ctx.projectKey}'.`);
    authorize(request.method, projectPath, caller, ctx.projectKey);
    const { principal } = caller;

    const apiRoute = api.match(request.method, request.path);
    if (apiRoute) return apiRoute.handler(request, apiRoute.params, { ...ctx, principal });
    if (isUnscopedMeEndpoint(request.path, ctx.projectKey)) {
      throw resourceNotFound(`${request.method} ${request.path} is not emulated by the local platform.`);
    }
    return forward(request, ctx);
  };
  return async (request) => withCartTotals(await route(request));
}

async function forward(request: PlatformRequest, ctx: PlatformContext): Promise<PlatformResponse> {
  checkPaging(request.query);
  if (request.rawBody.trim() !== '') jsonObjectBody(request);
  const path = request.path.slice(ctx.projectKey.length + 1);
  return ctx.gateway.forward(request.method, request.rawQuery === '' ? path : `${path}?${request.rawQuery}`, request.rawBody);
}

/** Cart updates with a project token: checked like /me/carts ones, minus the shopper-only limits. */
async function updateCart(request: PlatformRequest, params: Record<string, string>, ctx: ApiContext): Promise<PlatformResponse> {
  const id = params.id ?? '';
  if (id === 'replicate' || id.startsWith('key=')) return forward(request, ctx);
  const update = validateCartUpdate(jsonObjectBody(request), false);
  const cart = await ctx.gateway.findCart(id);
  if (cart) assertCartUpdatable(cart, update.version);
  return forward(withBody(request, await withQuotedSkusResolved(ctx.gateway, { ...update }, 'actions')), ctx);
}

function withBody(request: PlatformRequest, body: JsonObject): PlatformRequest {
  return { ...request, rawBody: JSON.stringify(body) };
}

// The mock answers every other /me endpoint (and the in-store ones) for the first customer it finds,
// whoever asks: refuse them rather than leak one shopper's data to another.
function isUnscopedMeEndpoint(path: string, projectKey: string): boolean {
  return path === `/${projectKey}/me` || path.startsWith(`/${projectKey}/me/`) || /^\/[^/]+\/in-store\/[^/]+\/me(\/|$)/.test(path);
}

function image(path: string): PlatformResponse {
  const svg = productImageSvg(path);
  if (svg === undefined) throw resourceNotFound(`No image at ${path}.`);
  return { status: 200, body: svg, contentType: 'image/svg+xml' };
}
