import { afterAll, beforeAll } from '@jest/globals';
import { createApiBuilderFromCtpClient, type ByProjectKeyRequestBuilder, type Cart } from '@commercetools/platform-sdk';
import { ClientBuilder, type TokenCache, type TokenStore } from '@commercetools/ts-client';
import { startPlatform, type Platform, type PlatformOptions } from '../../src/index.js';

export { startPlatform };
export type { Platform };

/** A token cache the test can read, to see which token the SDK holds. */
export interface VisibleTokenCache extends TokenCache {
  readonly current: () => TokenStore | undefined;
}

export function visibleTokenCache(): VisibleTokenCache {
  let stored: TokenStore | undefined;
  return {
    get: async () => stored,
    set: async (cache) => {
      stored = cache;
    },
    current: () => stored,
  };
}

export interface SdkClient {
  readonly api: ByProjectKeyRequestBuilder;
  readonly tokens: VisibleTokenCache;
}

function build(platform: Platform, configure: (builder: ClientBuilder, tokens: VisibleTokenCache) => ClientBuilder): SdkClient {
  const tokens = visibleTokenCache();
  const builder = configure(new ClientBuilder().withProjectKey(platform.projectKey), tokens).withHttpMiddleware({
    host: platform.apiUrl,
    httpClient: fetch,
  });
  const api = createApiBuilderFromCtpClient(builder.build()).withProjectKey({ projectKey: platform.projectKey });
  return { api, tokens };
}

const credentials = (platform: Platform) => ({ clientId: platform.clientId, clientSecret: platform.clientSecret });

/** Client credentials flow (the extensions' catalogue calls). */
export const clientSdk = (platform: Platform): SdkClient =>
  build(platform, (builder, tokenCache) =>
    builder.withClientCredentialsFlow({ host: platform.authUrl, projectKey: platform.projectKey, credentials: credentials(platform), tokenCache, httpClient: fetch }),
  );

/** Anonymous session flow; `anonymousId` is sent as anonymous_id when given. */
export const guestSdk = (platform: Platform, anonymousId?: string): SdkClient =>
  build(platform, (builder, tokenCache) =>
    builder.withAnonymousSessionFlow({
      host: platform.authUrl,
      projectKey: platform.projectKey,
      credentials: { ...credentials(platform), ...(anonymousId ? { anonymousId } : {}) },
      tokenCache,
      httpClient: fetch,
    }),
  );

/** Password flow. */
export const customerSdk = (platform: Platform, username: string, password: string): SdkClient =>
  build(platform, (builder, tokenCache) =>
    builder.withPasswordFlow({
      host: platform.authUrl,
      projectKey: platform.projectKey,
      credentials: { ...credentials(platform), user: { username, password } },
      tokenCache,
      httpClient: fetch,
    }),
  );

/** Refresh token flow. */
export const refreshSdk = (platform: Platform, refreshToken: string): SdkClient =>
  build(platform, (builder, tokenCache) =>
    builder.withRefreshTokenFlow({ host: platform.authUrl, projectKey: platform.projectKey, credentials: credentials(platform), refreshToken, tokenCache, httpClient: fetch }),
  );

/** Existing token flow: how the extensions call with the shopper's stored token. */
export const tokenSdk = (platform: Platform, accessToken: string): SdkClient =>
  build(platform, (builder) => builder.withExistingTokenFlow(`Bearer ${accessToken}`, { force: true }));

export interface TokenAnswer {
  readonly access_token: string;
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

/** A raw token request, for asserting on the auth server's own answers. */
export async function tokenRequest(platform: Platform, path: string, form: Record<string, string>, basic?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = basic ?? Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64');
  const response = await fetch(`${platform.authUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function anonymousToken(platform: Platform, anonymousId?: string): Promise<TokenAnswer> {
  const { status, body } = await tokenRequest(platform, `/oauth/${platform.projectKey}/anonymous/token`, {
    grant_type: 'client_credentials',
    ...(anonymousId ? { anonymous_id: anonymousId } : {}),
  });
  if (status !== 200) throw new Error(`anonymous token: ${status} ${JSON.stringify(body)}`);
  return body as unknown as TokenAnswer;
}

export async function customerToken(platform: Platform, username: string, password: string): Promise<TokenAnswer> {
  const { status, body } = await tokenRequest(platform, `/oauth/${platform.projectKey}/customers/token`, { grant_type: 'password', username, password });
  if (status !== 200) throw new Error(`customer token: ${status} ${JSON.stringify(body)}`);
  return body as unknown as TokenAnswer;
}

/** A raw API call with a bearer token; body may be an object (sent as JSON) or a raw string. */
export async function api(
  platform: Platform,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${platform.apiUrl}/${platform.projectKey}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** The status and first error code of a failed SDK call. */
export async function sdkFailure(call: Promise<unknown>): Promise<{ status: number; code: string | undefined; body: any }> {
  try {
    await call;
  } catch (error) {
    const failure = error as { statusCode?: number; status?: number; body?: { errors?: { code?: string }[] } };
    return { status: failure.statusCode ?? failure.status ?? 0, code: failure.body?.errors?.[0]?.code, body: failure.body };
  }
  throw new Error('expected the call to fail, it succeeded');
}

export const testOptions: PlatformOptions = { port: 0 };

/** A new cart of the shopper's holding one MUG-ENAMEL-01. */
export async function cartWithMug(shopper: SdkClient): Promise<Cart> {
  const cart = (await shopper.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
  return (
    await shopper.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] } }).execute()
  ).body;
}

/** Starts a platform for the enclosing describe block (beforeAll) and closes it (afterAll). */
export function usePlatform(options: PlatformOptions = testOptions): { readonly platform: Platform; readonly client: SdkClient } {
  let started: { platform: Platform; client: SdkClient } | undefined;
  beforeAll(async () => {
    const platform = await startPlatform(options);
    started = { platform, client: clientSdk(platform) };
  });
  afterAll(async () => {
    await started?.platform.close();
  });
  const current = () => {
    if (!started) throw new Error('usePlatform: the platform is not started yet (use it inside tests or hooks)');
    return started;
  };
  return {
    get platform() {
      return current().platform;
    },
    get client() {
      return current().client;
    },
  };
}
