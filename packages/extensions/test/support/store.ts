import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSession, deriveSessionKey, encodeSession, startHub, type Hub, type HubLogger } from '@ctp-session/hub';
import { startPlatform, type Platform, type PlatformOptions } from '@ctp-session/platform';
import { buildBundle } from '../../tools/buildBundle.js';
import { createBrowser, createSdk, type Browser, type SDK } from '@ctp-session/hub/testing';

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
  /** GET on the platform's HTTP API with a client credentials token (view_orders, view_customers), parsed. */
  platformGet(path: string): Promise<unknown>;
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
 * The embedded platform, the freshly built bundle and the hub, wired as `yarn start` wires them, on
 * free ports. Each test file gets its own, so counters and data never leak between files.
 */
export async function startStore(options: StoreOptions = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'extensions-bundle-'));
  const bundle = join(dir, 'bundle.min.js');
  await buildBundle(bundle);
  const platform = await startPlatform({ port: 0, ...options.platform });
  const logs: string[] = [];
  const logger: HubLogger = { log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`) };
  let hub: Hub;
  try {
    hub = await startHub({
      bundle,
      port: 0,
      watch: false,
      sessionSecrets: [SESSION_SECRET],
      logger,
      ...(options.hubTimeoutMs === undefined ? {} : { timeoutMs: options.hubTimeoutMs }),
      projectConfiguration: {
        commercetools: {
          EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
          EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
          EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
          EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
          EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
          ...(options.commercetoolsTimeoutMs === undefined ? {} : { EXTENSION_COMMERCETOOLS_TIMEOUT_MS: String(options.commercetoolsTimeoutMs) }),
          ...(options.scopes === undefined ? {} : { EXTENSION_COMMERCETOOLS_SCOPES: options.scopes }),
        },
      },
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
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
    platformGet: async (path) => {
      const basic = Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64');
      const tokenAnswer = await fetch(`${platform.authUrl}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        // A client credentials token with read scopes only: what an operator's report tool would hold.
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: `view_orders:${platform.projectKey} view_customers:${platform.projectKey}` }).toString(),
      });
      const { access_token } = (await tokenAnswer.json()) as { access_token: string };
      const answer = await fetch(`${platform.apiUrl}/${platform.projectKey}${path}`, { headers: { authorization: `Bearer ${access_token}` } });
      return answer.json() as Promise<unknown>;
    },
    countRequests: async (run) => {
      platform.counters.reset();
      await run();
      const { total, routes } = platform.counters.snapshot();
      return { total, routes };
    },
    close: async () => {
      await hub.close();
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
