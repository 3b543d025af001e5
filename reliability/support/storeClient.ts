import { decodeSession, deriveSessionKey, type SessionKey } from '@ctp-session/hub';
import { call, createBrowser, createSdk, type Browser, type SDK, type SdkResponse } from '@ctp-session/hub/testing';
import type { Platform } from '@ctp-session/platform';
import { startStore, type Store, type StoreOptions } from '@ctp-session/store';

export type { Browser, SdkResponse } from '@ctp-session/hub/testing';

export type Session = Record<string, unknown>;

/** What plain fetch saw: the status, the parsed body and the session token the hub sent back. */
export interface RawAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly sessionToken: string | null;
  /** Why the hub did not accept the session sent (`X-Session-Invalid`), if it did not. */
  readonly sessionInvalid: string | null;
}

/** The store as `yarn start` runs it, plus what a test driver needs: shoppers with the real frontend-sdk jar. */
export interface StoreClient {
  readonly store: Store;
  readonly platform: Platform;
  readonly sdk: SDK;
  readonly key: SessionKey;
  shopper(): Browser;
  act<T>(shopper: Browser, action: string, payload?: unknown, query?: Record<string, string>): Promise<SdkResponse<T>>;
  /** The shopper's session cookie, decoded with the hub's key ({} without a cookie). Throws if it does not decode. */
  sessionOf(shopper: Browser): Session;
  decode(token: string): Session | undefined;
  /** POST an action with plain fetch and any session token; the shopper's jar is not touched. */
  raw(action: string, body: string, token?: string, query?: string): Promise<RawAnswer>;
  /** GET on the platform's HTTP API with a client credentials token (view_orders, view_customers), outside any shopper's session. */
  platformGet(path: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions = {}): Promise<StoreClient> {
  const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true, frontend: false, ...options });
  const platform = store.platform;
  if (platform === undefined) {
    await store.close();
    throw new Error('These figures need the embedded platform: unset the CTP_* variables.');
  }
  const sdk = createSdk(store.hubUrl);
  const key = await deriveSessionKey(store.sessionSecret);
  const decode = (token: string): Session | undefined => {
    const decoded = decodeSession(token, [key]);
    return decoded.ok ? decoded.session : undefined;
  };
  return {
    store,
    platform,
    sdk,
    key,
    shopper: () => createBrowser(),
    act: (shopper, action, payload, query) => call(sdk, shopper, action, payload, query),
    sessionOf: (shopper) => {
      const token = shopper.sessionCookie();
      if (token === undefined) return {};
      const session = decode(token);
      if (session === undefined) throw new Error('a session cookie issued by the hub does not decode');
      return session;
    },
    decode,
    raw: async (action, body, token, query = '') => {
      const answer = await fetch(`${store.hubUrl}/frontastic/action/${action}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'frontastic-session': token }) },
        body,
      });
      const text = await answer.text();
      let json: unknown = text;
      try {
        json = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        // keep the text: a non-JSON body is itself a finding
      }
      return { status: answer.status, json, sessionToken: answer.headers.get('frontastic-session'), sessionInvalid: answer.headers.get('x-session-invalid') };
    },
    platformGet: store.readBackend,
    close: () => store.close(),
  };
}

/** The data of a successful SDK response; throws with the SDK's error otherwise. */
export function ok<T>(response: SdkResponse<T>, what: string): T {
  if (response.isError) throw new Error(`${what} failed: ${JSON.stringify(response.error)}`);
  return response.data;
}

export interface CartView {
  readonly id: string | null;
  readonly lineItems: ReadonlyArray<{ readonly id: string; readonly sku: string; readonly quantity: number }>;
}

export const SKUS = ['MUG-ENAMEL-01', 'PEN-FOUNTAIN-F', 'CHAIR-CAMP-01', 'LAMP-READ-01'] as const;
