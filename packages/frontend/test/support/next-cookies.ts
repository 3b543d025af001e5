// Next.js's own cookie objects, as `cookies()` from next/headers hands them out: the mutable one of a Server
// Action or Route Handler (whose writes become the response's Set-Cookie lines) and the sealed one of a
// Server Component (whose `set` throws). The tests drive the server session helper through exactly these.
import { createRequire } from 'node:module';
import type { ServerCookies } from '../../lib/server-session/index.js';

const require = createRequire(import.meta.url);

interface RequestCookiesClass {
  new (headers: Headers): unknown;
}
const { RequestCookies } = require('next/dist/compiled/@edge-runtime/cookies') as { RequestCookies: RequestCookiesClass };
const { MutableRequestCookiesAdapter, RequestCookiesAdapter } = require('next/dist/server/web/spec-extension/adapters/request-cookies') as {
  MutableRequestCookiesAdapter: { wrap(cookies: unknown, onUpdate: (serialised: string[]) => void): ServerCookies };
  RequestCookiesAdapter: { seal(cookies: unknown): ServerCookies };
};

/** A request's cookies in a Server Action or Route Handler; `setCookies()` lists the Set-Cookie lines Next.js would send. */
export function actionCookies(cookieHeader = ''): { cookies: ServerCookies; setCookies: () => string[] } {
  let written: string[] = [];
  const cookies = MutableRequestCookiesAdapter.wrap(new RequestCookies(new Headers({ cookie: cookieHeader })), (serialised) => {
    written = serialised;
  });
  return { cookies, setCookies: () => written };
}

/** A request's cookies while a Server Component renders: readable, and `set` throws Next's ReadonlyRequestCookiesError. */
export function componentCookies(cookieHeader = ''): ServerCookies {
  return RequestCookiesAdapter.seal(new RequestCookies(new Headers({ cookie: cookieHeader })));
}
