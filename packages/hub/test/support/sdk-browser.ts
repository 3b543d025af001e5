import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

/**
 * The real `@commercetools/frontend-sdk`, loaded as the CommonJS it is. Typed here by the members the
 * tests use: its own .d.ts pulls in `@frontastic/extension-types` as TypeScript sources that do not
 * compile under this workspace's strict NodeNext settings.
 */
export interface ServerOptions {
  req?: IncomingMessage & { cookies?: Record<string, string> };
  res?: ServerResponse;
}

export type SdkResponse<T> =
  | { isError: false; tracing: { frontendRequestId: string; frontasticRequestId?: string }; data: T }
  | { isError: true; tracing: { frontendRequestId: string; frontasticRequestId?: string }; error: Error & Record<string, unknown> };

export interface SDK {
  configure(config: { locale: string; currency: string; endpoint: string; extensionVersion: string }): void;
  callAction<T>(options: { actionName: string; payload?: unknown; query?: Record<string, unknown>; parallel?: boolean; serverOptions?: ServerOptions }): Promise<SdkResponse<T>>;
  page: { getPage<T>(options: { path: string; query?: Record<string, unknown>; serverOptions?: ServerOptions }): Promise<SdkResponse<T>> };
}

const { SDK: SdkClass } = createRequire(import.meta.url)('@commercetools/frontend-sdk') as { SDK: new () => SDK };

/**
 * One shopper's cookie jar for the real frontend-sdk in Node. The SDK reads cookies from
 * `serverOptions.req.cookies` and, on a 2xx carrying `Frontastic-Session`, writes the new value
 * back into that same object (and appends a Set-Cookie to `res`), so the jar carries the session
 * from call to call exactly as a browser would.
 */
export interface Browser {
  readonly serverOptions: ServerOptions;
  readonly cookies: Record<string, string>;
  readonly setCookieHeaders: string[];
  sessionCookie(): string | undefined;
}

export function createBrowser(): Browser {
  const cookies: Record<string, string> = {};
  const setCookieHeaders: string[] = [];
  let header: string[] = [];
  const res = {
    getHeader: (name: string) => (name.toLowerCase() === 'set-cookie' ? header : undefined),
    setHeader: (name: string, value: string[]) => {
      if (name.toLowerCase() === 'set-cookie') {
        header = value;
        setCookieHeaders.push(value[value.length - 1] ?? '');
      }
    },
  };
  const req = { cookies, headers: {} };
  return {
    serverOptions: { req: req as unknown as IncomingMessage & { cookies: Record<string, string> }, res: res as unknown as ServerResponse },
    cookies,
    setCookieHeaders,
    sessionCookie: () => cookies['frontastic-session'],
  };
}

export function createSdk(endpoint: string, locale = 'en-US'): SDK {
  const sdk = new SdkClass();
  sdk.configure({ locale, currency: 'USD', endpoint, extensionVersion: 'test' });
  return sdk;
}

/** Calls an action through the SDK as a given shopper; returns the SDK's response. */
export async function call<T>(sdk: SDK, browser: Browser, actionName: string, payload?: unknown, query?: Record<string, string>) {
  return sdk.callAction<T>({ actionName, payload, ...(query === undefined ? {} : { query }), serverOptions: browser.serverOptions });
}

/** The data of a successful SDK response, failing the test with the SDK's error otherwise. */
export function dataOf<T>(response: SdkResponse<T>): T {
  if (response.isError) throw new Error(`expected success, got error ${JSON.stringify(response.error)}`);
  return response.data;
}

/** For the other packages' tests too: a request with a chosen `Host` header. */
export { requestWithHost } from './host-request.js';
