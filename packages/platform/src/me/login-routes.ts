import type { ApiContext } from '../context.js';
import { invalidJson } from '../errors.js';
import { isObject, jsonObjectBody, type JsonObject } from '../http/body.js';
import type { Router } from '../http/router.js';
import { json, type Params, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { CART_SIGN_IN_MODES, type CartSignInMode } from './cart-merge.js';
import { signIn } from './sign-in.js';

/** `POST /me/login` (the token's guest session is handed over) and `POST /login` (it is named in the body). */
export function registerLoginRoutes(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/me/login', myLogin).add('POST', '/:projectKey/login', login);
}

/** MyCustomerSignin: `{ email, password, activeCartSignInMode? }`. */
async function myLogin(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const result = await signIn(ctx.gateway, {
    ...credentialsOf(body),
    mode: modeOf(body, 'activeCartSignInMode'),
    ...(ctx.principal.kind === 'anonymous' ? { anonymousId: ctx.principal.anonymousId } : {}),
  });
  return json(200, result);
}

/** CustomerSignin: `{ email, password, anonymousCart?, anonymousCartSignInMode?, anonymousId? }`. */
async function login(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const { anonymousId, anonymousCart } = body;
  if (anonymousId !== undefined && typeof anonymousId !== 'string') throw invalidJson('anonymousId: JSON String expected.');
  if (anonymousCart !== undefined && !(isObject(anonymousCart) && typeof anonymousCart.id === 'string')) {
    throw invalidJson('anonymousCart.id: JSON String expected.');
  }
  const result = await signIn(ctx.gateway, {
    ...credentialsOf(body),
    mode: modeOf(body, 'anonymousCartSignInMode'),
    ...(anonymousId === undefined ? {} : { anonymousId }),
    ...(anonymousCart === undefined ? {} : { anonymousCartId: anonymousCart.id as string }),
  });
  return json(200, result);
}

function credentialsOf(body: JsonObject): { email: string; password: string } {
  const { email, password } = body;
  if (typeof email !== 'string') throw invalidJson(email === undefined ? 'email: Missing required value' : 'email: JSON String expected.');
  if (typeof password !== 'string') {
    throw invalidJson(password === undefined ? 'password: Missing required value' : 'password: JSON String expected.');
  }
  return { email, password };
}

function modeOf(body: JsonObject, field: string): CartSignInMode {
  const mode = body[field] ?? 'MergeWithExistingCustomerCart';
  if (!CART_SIGN_IN_MODES.includes(mode as CartSignInMode)) {
    throw invalidJson(`${field}: Invalid enum value. Expected one of: ${CART_SIGN_IN_MODES.map((m) => `'${m}'`).join(', ')}`);
  }
  return mode as CartSignInMode;
}
