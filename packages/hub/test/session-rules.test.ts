import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeSession, deriveSessionKey, encodeSession, HEADER } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { call, createBrowser, createSdk, dataOf, type SDK } from './support/sdk-browser.js';
import { SECRET_A, startTestHub, type TestHub } from './support/start-test-hub.js';

let hub: TestHub;
let sdk: SDK;
const issuedTokens: string[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  sdk = createSdk(hub.url);
});

afterAll(async () => {
  // Whatever happened above, no token reached a log line.
  const logs = hub.logText();
  for (const token of issuedTokens) expect(logs).not.toContain(token);
  expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  await hub.close();
});

async function readSession(browser: ReturnType<typeof createBrowser>): Promise<unknown> {
  const cookie = browser.sessionCookie();
  if (cookie !== undefined) issuedTokens.push(cookie);
  return dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session;
}

describe('the four session rules, through the real frontend-sdk', () => {
  it('starts empty and stores the issued token in the frontastic-session cookie', async () => {
    const browser = createBrowser();
    expect(await readSession(browser)).toEqual({});
    const cookie = browser.sessionCookie();
    expect(cookie).toBeDefined();
    expect(await decodeSession(cookie as string, [await deriveSessionKey(SECRET_A)])).toMatchObject({ ok: true, session: {} });
    expect(browser.setCookieHeaders[0]).toMatch(/^frontastic-session=[^;]+; Path=\/; Secure$/);
  });

  it('replaces the whole session with a returned sessionData object (nothing merged)', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-1', customerId: 'cust-1' }));
    expect(await readSession(browser)).toEqual({ cartId: 'cart-1', customerId: 'cust-1' });
    dataOf(await call(sdk, browser, 'session/replace', { lastOrderId: 'order-9' }));
    expect(await readSession(browser)).toEqual({ lastOrderId: 'order-9' });
  });

  it('re-issues the incoming session unchanged when the response has no sessionData key', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-2' }));
    const before = browser.sessionCookie();
    expect(await readSession(browser)).toEqual({ cartId: 'cart-2' });
    expect(browser.sessionCookie()).toBe(before);
    const raw = await rawCall(`${hub.url}/frontastic/action/session/read`, { token: before as string, body: '{}' });
    expect(raw.headers.get(HEADER.session)).toBe(before);
  });

  it('treats sessionData: undefined as a missing key', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { keep: 'me' }));
    dataOf(await call(sdk, browser, 'session/keepExplicitUndefined'));
    expect(await readSession(browser)).toEqual({ keep: 'me' });
  });

  it('ignores changes an action makes to request.sessionData without returning it', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-3' }));
    dataOf(await call(sdk, browser, 'session/mutateWithoutReturning'));
    expect(await readSession(browser)).toEqual({ cartId: 'cart-3' });
  });

  it('clears the session on sessionData: null by sending a token of {} the SDK stores', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-4', token: 'secret-ish' }));
    const before = browser.sessionCookie();
    dataOf(await call(sdk, browser, 'session/clear'));
    expect(browser.sessionCookie()).not.toBe(before);
    expect(await readSession(browser)).toEqual({});
  });

  it('merges only when the action merges itself', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { a: 1 }));
    dataOf(await call(sdk, browser, 'session/merge', { b: 2 }));
    expect(await readSession(browser)).toEqual({ a: 1, b: 2 });
  });

  it('applies a write on a non-2xx response, which the SDK then does not store (as on the platform)', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { before: true }));
    const token = browser.sessionCookie() as string;
    const raw = await rawCall(`${hub.url}/frontastic/action/session/failWithSession`, { token, body: '{}' });
    expect(raw.status).toBe(400);
    const key = await deriveSessionKey(SECRET_A);
    expect(await decodeSession(raw.headers.get(HEADER.session) as string, [key])).toMatchObject({ session: { written: 'on a 400' } });
    const response = await call(sdk, browser, 'session/failWithSession');
    expect(response.isError).toBe(true);
    expect(await readSession(browser)).toEqual({ before: true });
  });

  it('refuses a sessionData that is not an object and keeps the previous session', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { kept: true }));
    const raw = await rawCall(`${hub.url}/frontastic/action/session/notAnObject`, { token: browser.sessionCookie() as string, body: '{}' });
    expect(raw.status).toBe(200);
    expect(raw.headers.get(HEADER.sessionRefused)).toMatch(/^invalid; sessionData must be an object or null, got an array/);
    dataOf(await call(sdk, browser, 'session/notAnObject'));
    expect(await readSession(browser)).toEqual({ kept: true });
  });

  it.each([
    ['session/circular', /^invalid; sessionData is not JSON-serializable \(.*circular.*\); previous session kept$/i],
    ['session/bigint', /^invalid; sessionData is not JSON-serializable \(.*BigInt.*\); previous session kept$/],
  ])('refuses a sessionData that cannot be serialized (%s) and keeps the previous session', async (actionName, reason) => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { kept: 'serializable' }));
    const raw = await rawCall(`${hub.url}/frontastic/action/${actionName}`, { token: browser.sessionCookie() as string, body: '{}' });
    expect(raw.status).toBe(200);
    expect(raw.headers.get(HEADER.sessionRefused)).toMatch(reason);
    dataOf(await call(sdk, browser, actionName));
    expect(await readSession(browser)).toEqual({ kept: 'serializable' });
  });

  it('lets data sources and the dynamic page handler read the session but never write it', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-5' }));
    const before = browser.sessionCookie();
    const page = dataOf(await sdk.page.getPage<{ data: { dataSources: Record<string, { sessionData: unknown }> } }>({ path: '/', serverOptions: browser.serverOptions }));
    expect(page.data.dataSources['ds-session']?.sessionData).toEqual({ cartId: 'cart-5' });
    const pdp = dataOf(await sdk.page.getPage<{ data: { dataSources: Record<string, { sessionData: unknown }> } }>({ path: '/p/shoe', serverOptions: browser.serverOptions }));
    expect(pdp.data.dataSources['__master']?.sessionData).toEqual({ cartId: 'cart-5' });
    expect(browser.sessionCookie()).toBe(before);
    const raw = await rawCall(`${hub.url}/frontastic/page`, { token: before as string, headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } });
    expect(raw.status).toBe(200);
    expect(raw.headers.has(HEADER.session)).toBe(false);
    expect(await readSession(browser)).toEqual({ cartId: 'cart-5' });
  });
});

describe('tokens that cannot be decoded reset the session to {}', () => {
  const tamper = (token: string): string => {
    const [header, claims, signature] = token.split('.');
    const flipped = (claims ?? '').startsWith('e') ? `f${(claims ?? '').slice(1)}` : `e${(claims ?? '').slice(1)}`;
    return `${header}.${flipped}.${signature}`;
  };
  const cases: Array<[string, (token: string) => string | Promise<string>, string]> = [
    ['tampered claims', tamper, 'signature'],
    ['a token cut short by 4 characters', (token) => token.slice(0, token.length - 4), 'signature'],
    ['a token cut short by 10 characters', (token) => token.slice(0, token.length - 10), 'signature'],
    ['garbage', () => 'this-is-not-a-token', 'malformed'],
    ['a token from another secret', async () => encodeSession({ cartId: 'foreign' }, await deriveSessionKey('another-secret-0123456789-0123456789-abcdef')), 'signature'],
  ];

  it.each(cases)('%s: session {}, a reason header and a log line, never a 500', async (_name, spoil, reason) => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'mine' }));
    const spoiled = await spoil(browser.sessionCookie() as string);
    const raw = await rawCall(`${hub.url}/frontastic/action/session/read`, { token: spoiled, body: '{}' });
    expect(raw.status).toBe(200);
    expect(raw.headers.get(HEADER.sessionInvalid)).toBe(reason);
    expect(raw.json()).toEqual({ session: {} });
    expect(hub.logs.some((line) => line.message.startsWith('session token rejected') && line.fields['reason'] === reason)).toBe(true);
    expect(hub.logText()).not.toContain(spoiled);
    // Through the SDK: the shopper continues with a fresh, valid session.
    browser.cookies['frontastic-session'] = spoiled;
    expect(await readSession(browser)).toEqual({});
    expect(browser.sessionCookie()).not.toBe(spoiled);
    dataOf(await call(sdk, browser, 'session/replace', { fresh: true }));
    expect(await readSession(browser)).toEqual({ fresh: true });
  });

  it('also on page requests', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/page`, { token: 'garbage', headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get(HEADER.sessionInvalid)).toBe('malformed');
  });
});
