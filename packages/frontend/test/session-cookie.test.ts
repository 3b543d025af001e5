import { afterEach, describe, expect, it } from '@jest/globals';
import { CookieHandler } from '@commercetools/frontend-sdk';
import {
  DEFAULT_SESSION_LIFETIME_MS,
  deleteSessionCookies,
  discardMalformedSessionCookie,
  readCookies,
  readSessionToken,
  sessionTokenOf,
  writeSessionToken,
  type CookieDocument,
} from '../lib/session-cookie.js';
import { CookieJar } from './support/cookie-jar.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJwYXlsb2FkIjoiYWJjIn0.c2lnbmF0dXJl_-';
const globals = globalThis as { window?: unknown; document?: unknown };

/** The SDK's own cookie handler, working on `doc` as it works on `document` in a browser. */
function sdkOn(doc: CookieDocument): CookieHandler {
  globals.window = globalThis;
  globals.document = doc;
  return new CookieHandler();
}

afterEach(() => {
  delete globals.window;
  delete globals.document;
});

describe('the session cookie, in exactly the frontend-sdk 2.1.1 format', () => {
  it('writes the same Set-Cookie string as the SDK, with and without "remember me"', async () => {
    const ours = new CookieJar();
    writeSessionToken(ours, TOKEN);
    const theirs = new CookieJar();
    await sdkOn(theirs).setCookie('frontastic-session', TOKEN, { expires: undefined } as never);
    expect(ours.writes).toEqual(theirs.writes);
    expect(ours.writes[0]).toBe(`frontastic-session=${TOKEN}; Path=/; Secure`);

    const now = Date.UTC(2026, 0, 15, 12, 0, 0);
    const remembered = new CookieJar();
    remembered.cookie = '__rememberMe=1; Path=/';
    writeSessionToken(remembered, TOKEN, now);
    const sdkRemembered = new CookieJar();
    await sdkOn(sdkRemembered).setCookie('frontastic-session', TOKEN, { expires: new Date(now + DEFAULT_SESSION_LIFETIME_MS) } as never);
    expect(remembered.writes.at(-1)).toBe(sdkRemembered.writes.at(-1));
    expect(remembered.writes.at(-1)).toMatch(/; Path=\/; Expires=Wed, 15 Apr 2026 12:00:00 GMT; Secure$/);
  });

  it('encodes a value that needs it as the SDK does (encodeURIComponent), and reads it back', async () => {
    const odd = 'a b/c;d';
    const ours = new CookieJar();
    writeSessionToken(ours, odd);
    const theirs = new CookieJar();
    await sdkOn(theirs).setCookie('frontastic-session', odd, {} as never);
    expect(ours.writes).toEqual(theirs.writes);
    expect(readCookies(ours)['frontastic-session']).toBe(odd);
    expect(await sdkOn(ours).getCookie('frontastic-session')).toBe(odd);
  });

  it('deletes the session and "remember me" as the SDK\'s invalidateSession() does', async () => {
    const ours = new CookieJar();
    ours.cookie = `frontastic-session=${TOKEN}; Path=/`;
    ours.cookie = '__rememberMe=1; Path=/';
    deleteSessionCookies(ours);
    const theirs = new CookieJar();
    const sdk = sdkOn(theirs);
    await sdk.deleteCookie('frontastic-session');
    await sdk.deleteCookie('__rememberMe');
    expect(ours.writes.slice(2)).toEqual(theirs.writes);
    expect(ours.writes.at(-2)).toBe('frontastic-session=; Max-Age=-1; Path=/; Secure');
    expect(ours.cookie).toBe('');
  });

  it('reads the cookie the SDK reads when a name appears twice (a stray cookie on a longer path is listed first)', async () => {
    const doc = { cookie: `frontastic-session=stale.on.cart-path; theme=dark; frontastic-session=${TOKEN}` };
    expect(readSessionToken(doc)).toBe(TOKEN);
    expect(await sdkOn(doc).getCookie('frontastic-session')).toBe(TOKEN);
    expect(readCookies(doc)['theme']).toBe('dark');
  });
});

describe('a cookie that is not a session token is no session', () => {
  it.each([
    ['a bad % escape', '%E0%A4%A'],
    ['a lone %', '100%'],
    ['a plain word', 'hello'],
    ['JSON', '%7B%22cartId%22%3A%221%22%7D'],
    ['two parts only', 'abc.def'],
    ['an empty value', ''],
    ['a value the SDK reads as a boolean', 'true'],
    ['a token with a space in it', 'abc.d%20f.ghi'],
  ])('%s (%s) reads as no session and never throws', (_name, value) => {
    const doc = { cookie: `other=1; frontastic-session=${value}` };
    expect(() => readSessionToken(doc)).not.toThrow();
    expect(readSessionToken(doc)).toBeUndefined();
  });

  it("the SDK itself throws URIError on a bad escape; discarding the cookie first lets it work, and the next answer's token replaces it", async () => {
    const jar = new CookieJar();
    jar.cookie = 'frontastic-session=%E0%A4%A; Path=/';
    await expect(sdkOn(jar).getCookie('frontastic-session')).rejects.toBeInstanceOf(URIError);
    expect(discardMalformedSessionCookie(jar)).toBe(true);
    expect(jar.writes.at(-1)).toBe('frontastic-session=; Max-Age=-1; Path=/; Secure');
    expect(await sdkOn(jar).getCookie('frontastic-session')).toBeUndefined();
    writeSessionToken(jar, TOKEN);
    expect(readSessionToken(jar)).toBe(TOKEN);
  });

  it('a good token or no cookie at all is left alone', () => {
    const jar = new CookieJar();
    expect(discardMalformedSessionCookie(jar)).toBe(false);
    writeSessionToken(jar, TOKEN);
    expect(discardMalformedSessionCookie(jar)).toBe(false);
    expect(jar.writes).toHaveLength(1);
  });

  it('on the server, a received value is used only when it is a token', () => {
    expect(sessionTokenOf(TOKEN)).toBe(TOKEN);
    expect(sessionTokenOf('%E0%A4%A')).toBeUndefined();
    expect(sessionTokenOf('')).toBeUndefined();
    expect(sessionTokenOf(undefined)).toBeUndefined();
  });
});
