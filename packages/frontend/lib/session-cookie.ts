import { parseCookie, stringifySetCookie } from 'cookie';
import { SESSION_COOKIE } from '@ctp-session/action-queue';

/**
 * The `frontastic-session` cookie, read and written exactly as `@commercetools/frontend-sdk` 2.x does
 * (its CookieHandler: `cookie`'s serialize with `encodeURIComponent`, `Path=/`, `Secure`; reads take the
 * last cookie of a name, as its own `document.cookie` loop does), so fetchApiHub and the SDK share one
 * session in the browser. `test/session-cookie.test.ts` pins every string against the SDK's own handler.
 */
export { SESSION_COOKIE } from '@ctp-session/action-queue';
/** When this cookie is set, the SDK gives the session cookie an expiry instead of making it a browser-session cookie. */
export const REMEMBER_ME_COOKIE = '__rememberMe';
/** The SDK's default session lifetime: 90 days. */
export const DEFAULT_SESSION_LIFETIME_MS = 7_776_000_000;

/** Where cookies live: `document` in the browser; tests pass a jar with the same interface. */
export interface CookieDocument {
  cookie: string;
}

/**
 * Every cookie by name. `document.cookie` lists a name once per path, most specific path first; the SDK
 * keeps the last one (the `Path=/` cookie both of us write), so the pairs are handed to the parser,
 * which keeps the first, in reverse. A value that does not decode comes back as it is (never a throw).
 */
export function readCookies(doc: CookieDocument): Record<string, string> {
  const cookies = parseCookie(doc.cookie.split(';').reverse().join(';'));
  return Object.fromEntries(Object.entries(cookies).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A compact JWS, the form of every session token the API hub issues (HS256 JWT). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function isSessionToken(value: string | undefined): value is string {
  return value !== undefined && TOKEN_SHAPE.test(value);
}

/**
 * The session token, or undefined when there is none or the cookie holds something that is not a
 * token (a bad `%` escape, a value from some other code): that is treated as no session, and the next
 * answer's token overwrites it.
 */
export function readSessionToken(doc: CookieDocument): string | undefined {
  const value = readCookies(doc)[SESSION_COOKIE];
  return isSessionToken(value) ? value : undefined;
}

/** The cookie value as a server received it (already decoded), or undefined when it is not a token. */
export function sessionTokenOf(value: string | undefined): string | undefined {
  return isSessionToken(value) ? value : undefined;
}

/** Whether a `__rememberMe` value asks for a lasting session cookie. */
export function remembersSession(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** The attributes the SDK gives the session cookie: `Path=/`, an expiry only when "remember me" is on, `Secure`. */
export function sessionCookieAttributes(rememberMe: boolean, now: number): { path: '/'; expires?: Date; secure: true } {
  return { path: '/', ...(rememberMe ? { expires: new Date(now + DEFAULT_SESSION_LIFETIME_MS) } : {}), secure: true };
}

/** The SDK's `deleteCookie`: an empty value with `Max-Age=-1`. */
export const DELETED_COOKIE_ATTRIBUTES = { maxAge: -1, path: '/', secure: true } as const;

/** Writes the token as the SDK does: `Path=/`, an expiry only when "remember me" is on, `Secure`. */
export function writeSessionToken(doc: CookieDocument, token: string, now: number = Date.now()): void {
  const rememberMe = remembersSession(readCookies(doc)[REMEMBER_ME_COOKIE]);
  doc.cookie = stringifySetCookie({ name: SESSION_COOKIE, value: token, ...sessionCookieAttributes(rememberMe, now) }, { encode: encodeURIComponent });
}

function deleteCookie(doc: CookieDocument, name: string): void {
  doc.cookie = stringifySetCookie({ name, value: '', ...DELETED_COOKIE_ATTRIBUTES }, { encode: encodeURIComponent });
}

/** The SDK's `invalidateSession()`: no session cookie and no "remember me" left. */
export function deleteSessionCookies(doc: CookieDocument): void {
  deleteCookie(doc, SESSION_COOKIE);
  deleteCookie(doc, REMEMBER_ME_COOKIE);
}

/**
 * Deletes a session cookie that is not a token, and says whether it did. The frontend-sdk decodes the
 * cookie itself and throws `URIError` on a bad `%` escape before it sends anything, so a call through
 * the SDK needs the bad cookie gone first.
 */
export function discardMalformedSessionCookie(doc: CookieDocument): boolean {
  const value = readCookies(doc)[SESSION_COOKIE];
  if (value === undefined || isSessionToken(value)) return false;
  deleteCookie(doc, SESSION_COOKIE);
  return true;
}
