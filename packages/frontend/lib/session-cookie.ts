/**
 * The `frontastic-session` cookie, read and written exactly as `@commercetools/frontend-sdk` 2.x does
 * (its CookieHandler and fetcher), so that fetchApiHub and the SDK share one session in the browser.
 */
export const SESSION_COOKIE = 'frontastic-session';
/** When this cookie is set, the SDK gives the session cookie an expiry instead of making it a browser-session cookie. */
export const REMEMBER_ME_COOKIE = '__rememberMe';
/** The SDK's default session lifetime: 90 days. */
export const DEFAULT_SESSION_LIFETIME_MS = 7_776_000_000;

/** Where cookies live: `document` in the browser; tests pass a jar with the same interface. */
export interface CookieDocument {
  cookie: string;
}

export function readCookies(doc: CookieDocument): Record<string, string> {
  const cookies: Record<string, string> = {};
  const raw = doc.cookie;
  if (raw === '') return cookies;
  for (const part of raw.split('; ')) {
    const [name = '', ...rest] = part.split('=');
    cookies[name] = rest.join('=');
  }
  return cookies;
}

/** The SDK decodes %XX runs only, so a value it wrote comes back unchanged. */
function decodeCookieValue(value: string): string {
  return value.replace(/(%[0-9A-Z]{2})+/g, decodeURIComponent);
}

export function readSessionToken(doc: CookieDocument): string | undefined {
  const value = readCookies(doc)[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : decodeCookieValue(value);
}

function rememberMe(doc: CookieDocument): boolean {
  const value = readCookies(doc)[REMEMBER_ME_COOKIE];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Writes the token as the SDK does: `path=/`, `Secure`, and an expiry only when "remember me" is on.
 * The token is a JWT (base64url and dots): nothing in it needs encoding.
 */
export function writeSessionToken(doc: CookieDocument, token: string, now: number = Date.now()): void {
  const attributes = ['Path=/'];
  if (rememberMe(doc)) attributes.push(`Expires=${new Date(now + DEFAULT_SESSION_LIFETIME_MS).toUTCString()}`);
  attributes.push('Secure');
  doc.cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${attributes.join('; ')}`;
}
