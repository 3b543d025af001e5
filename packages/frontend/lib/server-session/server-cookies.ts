import {
  DELETED_COOKIE_ATTRIBUTES,
  REMEMBER_ME_COOKIE,
  SESSION_COOKIE,
  remembersSession,
  sessionCookieAttributes,
  sessionTokenOf,
} from '../session-cookie';

/** What is given to a cookie write: the frontend-sdk's attributes, in the shape `cookies().set` of next/headers takes. */
export interface CookieWriteOptions {
  path: '/';
  secure: true;
  expires?: Date;
  maxAge?: number;
}

/**
 * The request's cookies and the response's: `await cookies()` from next/headers fits as it is. Its `set`
 * throws while a Server Component renders (only Server Actions, Route Handlers and middleware may set
 * cookies); that is how a write in the wrong place is noticed.
 */
export interface ServerCookies {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: CookieWriteOptions): unknown;
}

/** A browser keeps a cookie only while its name and value together fit in 4096 bytes (it drops a larger one without a word). */
export const COOKIE_LIMIT_BYTES = 4096;

/** The session cookie as the request brought it: the token, and whether the cookie held something that is not one. */
export function requestSession(cookies: ServerCookies): { token: string | undefined; malformed: boolean } {
  const value = cookies.get(SESSION_COOKIE)?.value;
  const token = sessionTokenOf(value);
  return { token, malformed: value !== undefined && value !== '' && token === undefined };
}

/** The bytes the browser counts for the session cookie holding `token` (the value goes out percent-encoded, as the SDK writes it). */
export function sessionCookieBytes(token: string): number {
  return new TextEncoder().encode(SESSION_COOKIE + encodeURIComponent(token)).length;
}

/**
 * Sets the session cookie exactly as the frontend-sdk 2.1.1 does in the browser: `Path=/`, `Secure`, no
 * `HttpOnly` (the browser's own calls read it), and the 90-day expiry only when `__rememberMe` is set.
 * (The SDK's own server path reads `__rememberMe` without the request and so never adds the expiry; doing it
 * as the browser does keeps a remembered shopper remembered after a server-side write.)
 */
export function writeSessionCookie(cookies: ServerCookies, token: string, now: number): void {
  cookies.set(SESSION_COOKIE, token, sessionCookieAttributes(remembersSession(cookies.get(REMEMBER_ME_COOKIE)?.value), now));
}

/** Deletes a cookie as the SDK's `deleteCookie` does: empty, `Max-Age=-1`, `Path=/`, `Secure`. */
export function deleteCookie(cookies: ServerCookies, name: string): void {
  cookies.set(name, '', { ...DELETED_COOKIE_ATTRIBUTES });
}

/** The SDK's `invalidateSession()`: neither the session cookie nor "remember me" is left. */
export function deleteSessionCookies(cookies: ServerCookies): void {
  deleteCookie(cookies, SESSION_COOKIE);
  deleteCookie(cookies, REMEMBER_ME_COOKIE);
}
