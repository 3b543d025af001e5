import { decodeSession, deriveSessionKey, encodeSession, type Hub, type HubLogger } from '@ctp-session/hub';
import type { Platform, PlatformOptions } from '@ctp-session/platform';
import { startStore as startSharedStore } from '@ctp-session/store';
import { call, createBrowser, createSdk, dataOf, type Browser, type SDK } from '@ctp-session/hub/testing';

export { call, createBrowser, dataOf, type Browser, type SdkResponse } from '@ctp-session/hub/testing';

/** A second jar holding exactly the cookie `shopper` has now: what a stale tab or an attacker keeps to replay. */
export function copyOfCookie(shopper: Browser): Browser {
  const copy = createBrowser();
  const token = shopper.sessionCookie();
  if (token !== undefined) copy.cookies['frontastic-session'] = token;
  return copy;
}

const SESSION_SECRET = 'extensions-test-secret-0123456789abcdefghijklmnop';

export interface TestStore {
  readonly platform: Platform;
  readonly hub: Hub;
  readonly sdk: SDK;
  readonly logs: string[];
  /** A new shopper with an empty cookie jar. */
  shopper(): Browser;
  /** Calls an action through the real frontend-sdk as `shopper`; resolves with its data, fails the test on an error answer. */
  act<T>(shopper: Browser, action: string, payload?: unknown): Promise<T>;
  /** What the shopper's `frontastic-session` cookie holds, decoded with the hub's key ({} without one). */
  sessionOf(shopper: Browser): Promise<Record<string, unknown>>;
  /** What a session token holds ({} for null). */
  decode(token: string | null): Promise<Record<string, unknown>>;
  /** A shopper whose cookie holds `session`, as if an earlier action had written it. */
  shopperWithSession(session: Record<string, unknown>): Promise<Browser>;
  /**
   * Calls an action with plain fetch as `shopper` (its session cookie, if any), for what the SDK hides:
   * the status code and the response's `Frontastic-Session` header. The shopper's cookie is not updated.
   */
  rawAction(shopper: Browser, action: string, body?: string, query?: string): Promise<RawAnswer>;
  /** GET on the platform's HTTP API with a client credentials token (view_orders, view_customers), parsed; a non-2xx answer throws BackendReadError. */
  platformGet(path: string): Promise<unknown>;
  /** An email verification token for the customer, as a shop's mailer asks for one to put in a confirmation link. */
  emailToken(customerId: string, ttlMinutes?: number): Promise<string>;
  /** Platform requests made while `run` ran, per route. */
  countRequests(run: () => Promise<unknown>): Promise<{ total: number; routes: Readonly<Record<string, number>> }>;
  close(): Promise<void>;
}

export interface RawAnswer {
  readonly status: number;
  readonly json: unknown;
  /** The session token the hub sent back, if any. */
  readonly sessionToken: string | null;
}

export interface StoreOptions {
  readonly platform?: PlatformOptions;
  /** Deadline for each commercetools call made by the extensions (default 8 s). */
  readonly commercetoolsTimeoutMs?: number;
  readonly hubTimeoutMs?: number;
  /** EXTENSION_COMMERCETOOLS_SCOPES: the scopes the extensions ask for (default: none, the API client's own). */
  readonly scopes?: string;
}

/**
 * The store as `yarn start` wires it (packages/store: the embedded platform, the bundle built from the
 * current sources, the hub), without the frontend, on free ports. Each test file gets its own, so
 * counters and data never leak between files.
 */
export async function startStore(options: StoreOptions = {}): Promise<TestStore> {
  const logs: string[] = [];
  const logger: HubLogger = { log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`) };
  const store = await startSharedStore({
    port: 0,
    hubPort: 0,
    platformPort: 0,
    frontend: false,
    quiet: true,
    env: {},
    hubLogger: logger,
    sessionSecret: SESSION_SECRET,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
    ...(options.hubTimeoutMs === undefined ? {} : { hubTimeoutMs: options.hubTimeoutMs }),
    ...(options.commercetoolsTimeoutMs === undefined ? {} : { commercetoolsTimeoutMs: options.commercetoolsTimeoutMs }),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
  });
  const platform = store.platform;
  if (platform === undefined) {
    await store.close();
    throw new Error('the extensions tests need the embedded platform');
  }
  const hub = store.hub;
  const sdk = createSdk(hub.url);
  const key = await deriveSessionKey(SESSION_SECRET);
  const decode = async (token: string | null): Promise<Record<string, unknown>> => {
    if (token === null) return {};
    const decoded = await decodeSession(token, [key]);
    if (!decoded.ok) throw new Error(`the session token does not decode: ${decoded.reason}`);
    return decoded.session;
  };
  return {
    platform,
    hub,
    sdk,
    logs,
    shopper: () => createBrowser(),
    act: async <T>(shopper: Browser, action: string, payload?: unknown) => dataOf(await call<T>(sdk, shopper, action, payload)),
    sessionOf: (shopper) => decode(shopper.sessionCookie() ?? null),
    decode,
    shopperWithSession: async (session) => {
      const shopper = createBrowser();
      shopper.cookies['frontastic-session'] = await encodeSession(session, key);
      return shopper;
    },
    rawAction: async (shopper, action, body = '{}', query = '') => {
      const token = shopper.sessionCookie();
      const answer = await fetch(`${hub.url}/frontastic/action/${action}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'frontastic-session': token }) },
        body,
      });
      const text = await answer.text();
      return { status: answer.status, json: text === '' ? undefined : (JSON.parse(text) as unknown), sessionToken: answer.headers.get('frontastic-session') };
    },
    platformGet: store.readBackend,
    emailToken: async (customerId, ttlMinutes = 60) => {
      const basic = Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64');
      const auth = await fetch(`${platform.authUrl}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
      const { access_token: accessToken } = (await auth.json()) as { access_token: string };
      const created = await fetch(`${platform.apiUrl}/${platform.projectKey}/customers/email-token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: customerId, ttlMinutes }),
      });
      if (!created.ok) throw new Error(`the platform refused an email token: ${created.status}`);
      return ((await created.json()) as { value: string }).value;
    },
    countRequests: async (run) => {
      platform.counters.reset();
      await run();
      const { total, routes } = platform.counters.snapshot();
      return { total, routes };
    },
    close: () => store.close(),
  };
}
