import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SDK } from '@commercetools/frontend-sdk';
import { configureFetchApiHub, fetchApiHub, FetchApiHubError } from '../lib/fetch-api-hub.js';
import { CookieJar } from './support/cookie-jar.js';
import { json, startTinyHub, token, tokenNumber, type SeenRequest } from './support/tiny-hub.js';

type TinyHub = Awaited<ReturnType<typeof startTinyHub>>;

/** Answers like the hub: each action returns a new token `t<n>` derived from the one it got. */
function nextToken(request: SeenRequest): string {
  return token(tokenNumber(request.headers['frontastic-session']) + 1);
}

let hub: TinyHub;
let jar: CookieJar;

beforeAll(async () => {
  hub = await startTinyHub((request, response) => {
    const path = request.url.split('?')[0];
    switch (path) {
      case '/frontastic/action/cart/getCart':
        return json(response, 200, { id: 'cart-1', method: request.method, body: request.body }, { 'Frontastic-Session': nextToken(request) });
      case '/frontastic/action/account/login':
        return json(response, 401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' } }, { 'Frontastic-Session': 'should-not-be-stored' });
      case '/frontastic/action/account/expired':
        return json(response, 401, { error: { code: 'SESSION_EXPIRED', message: 'Your sign-in has expired.' } }, { 'Frontastic-Session': token(900) });
      case '/frontastic/action/no/such':
        return json(response, 404, { code: 'ACTION_NOT_FOUND', message: 'No action no/such.' });
      case '/frontastic/action/broken/json':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Frontastic-Session': nextToken(request) });
        return response.end('{"not json');
      case '/frontastic/action/broken/html':
        response.writeHead(502, { 'Content-Type': 'text/html' });
        return response.end('<h1>Bad gateway</h1>');
      case '/frontastic/action/empty/ok':
        response.writeHead(200);
        return response.end();
      case '/frontastic/action/slow/answer':
        return void setTimeout(() => json(response, 200, { late: true }), 500).unref();
      default:
        return json(response, 500, { unexpected: path });
    }
  });
});

afterAll(async () => {
  await hub.close();
});

describe('fetchApiHub before it is configured', () => {
  it('rejects with NOT_CONFIGURED and a message saying what to do', async () => {
    const error = await fetchApiHub('/action/cart/getCart').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchApiHubError);
    expect(error).toMatchObject({ name: 'FetchApiHubError', code: 'NOT_CONFIGURED', status: 0 });
    expect((error as Error).message).toMatch(/configureFetchApiHub/);
  });
});

describe('fetchApiHub', () => {
  beforeAll(() => {
    jar = new CookieJar();
    configureFetchApiHub({ endpoint: `${hub.url}/`, cookies: jar });
  });

  it('resolves to the parsed JSON and stores the returned session in the frontastic-session cookie', async () => {
    const before = hub.seen.length;
    const cart = await fetchApiHub<{ id: string; method: string }>('/action/cart/getCart');
    expect(cart).toMatchObject({ id: 'cart-1', method: 'GET' });
    const request = hub.seen[before];
    expect(request?.url).toBe('/frontastic/action/cart/getCart');
    expect(request?.headers['frontastic-session']).toBeUndefined();
    expect(request?.headers['frontastic-locale']).toBe('en_US');
    expect(request?.headers['accept']).toBe('application/json');
    expect(jar.get('frontastic-session')).toBe(token(1));
    expect(jar.writes.at(-1)).toBe(`frontastic-session=${token(1)}; Path=/; Secure`);
  });

  it('sends the stored session as Frontastic-Session and replaces it with the answer', async () => {
    const before = hub.seen.length;
    await fetchApiHub('/action/cart/getCart');
    expect(hub.seen[before]?.headers['frontastic-session']).toBe(token(1));
    expect(jar.get('frontastic-session')).toBe(token(2));
  });

  it('passes method, body, query and extra headers through', async () => {
    const before = hub.seen.length;
    const answer = await fetchApiHub<{ method: string; body: string }>('/action/cart/getCart?delayMs=5', {
      method: 'POST',
      body: JSON.stringify({ sku: 'A' }),
      headers: { 'X-Extra': 'yes' },
    });
    expect(answer).toMatchObject({ method: 'POST', body: '{"sku":"A"}' });
    expect(hub.seen[before]?.url).toBe('/frontastic/action/cart/getCart?delayMs=5');
    expect(hub.seen[before]?.headers['x-extra']).toBe('yes');
    expect(hub.seen[before]?.headers['content-type']).toBe('application/json');
  });

  it('rejects an extension error with its code and message, and keeps the session (only 2xx answers write it)', async () => {
    const token = jar.get('frontastic-session');
    const error = await fetchApiHub('/action/account/login', { method: 'POST', body: '{}' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchApiHubError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.', status: 401, path: '/action/account/login' });
    expect(jar.get('frontastic-session')).toBe(token);
  });

  it('stores the session of a SESSION_EXPIRED answer, the one error whose session is kept (the customer signed out)', async () => {
    const error = await fetchApiHub('/action/account/expired').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(jar.get('frontastic-session')).toBe(token(900));
  });

  it("rejects the hub's own errors ({ code, message }) the same way", async () => {
    await expect(fetchApiHub('/action/no/such')).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND', status: 404, message: 'No action no/such.' });
  });

  it('rejects a 2xx answer that is not JSON with INVALID_RESPONSE (the session it carried is still stored, as the SDK does)', async () => {
    const before = jar.get('frontastic-session');
    await expect(fetchApiHub('/action/broken/json')).rejects.toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
    expect(jar.get('frontastic-session')).not.toBe(before);
  });

  it('rejects an error answer that is not JSON with HTTP_ERROR and the status', async () => {
    const error = await fetchApiHub('/action/broken/html').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502 });
    expect((error as Error).message).toMatch(/502/);
  });

  it('resolves an empty 2xx answer to null', async () => {
    await expect(fetchApiHub('/action/empty/ok')).resolves.toBeNull();
  });

  it('rejects with the abort reason when the signal aborts, without touching the session', async () => {
    const token = jar.get('frontastic-session');
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = fetchApiHub('/action/slow/answer', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    expect(jar.get('frontastic-session')).toBe(token);
  });

  it('rejects with NETWORK_ERROR when the hub is down', async () => {
    const down = await startTinyHub(() => undefined);
    await down.close();
    configureFetchApiHub({ endpoint: down.url, cookies: jar });
    try {
      const error = await fetchApiHub('/action/cart/getCart').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
      expect((error as Error).message).toContain(down.url);
    } finally {
      configureFetchApiHub({ endpoint: hub.url, cookies: jar });
    }
  });

  it('gives the cookie the SDK\'s 90-day expiry when "remember me" is on', async () => {
    jar.cookie = '__rememberMe=1; Path=/';
    await fetchApiHub('/action/cart/getCart');
    const written = jar.writes.at(-1) ?? '';
    const expires = /Expires=([^;]+)/.exec(written)?.[1];
    expect(expires).toBeDefined();
    const days = (Date.parse(expires ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);
    jar.cookie = '__rememberMe=; Max-Age=0';
  });
});

describe('fetchApiHub and the frontend-sdk share one session', () => {
  const globals = globalThis as { window?: unknown; document?: unknown };
  let browserJar: CookieJar;

  beforeAll(() => {
    // The SDK's cookie handler uses document.cookie whenever `window` exists, as in a browser.
    browserJar = new CookieJar();
    globals.window = globalThis;
    globals.document = browserJar;
    configureFetchApiHub({ endpoint: hub.url });
  });

  afterAll(() => {
    delete globals.window;
    delete globals.document;
  });

  it('each carries the token the other stored', async () => {
    const sdk = new SDK();
    sdk.configure({ endpoint: hub.url, locale: 'en_US', currency: 'EUR', extensionVersion: 'test' });

    const sdkAnswer = await sdk.callAction({ actionName: 'cart/getCart' });
    expect(sdkAnswer.isError).toBe(false);
    expect(browserJar.get('frontastic-session')).toBe(token(1));

    const before = hub.seen.length;
    await fetchApiHub('/action/cart/getCart', { method: 'POST' });
    expect(hub.seen[before]?.headers['frontastic-session']).toBe(token(1));
    expect(browserJar.get('frontastic-session')).toBe(token(2));

    await sdk.callAction({ actionName: 'cart/getCart' });
    expect(hub.seen.at(-1)?.headers['frontastic-session']).toBe(token(2));
    expect(browserJar.get('frontastic-session')).toBe(token(3));

    // Same cookie attributes as the SDK's own write, so neither leaves a second cookie behind.
    const sdkWrite = browserJar.writes.at(-1) ?? '';
    const ourWrite = browserJar.writes.at(-2) ?? '';
    expect(sdkWrite.toLowerCase()).toBe(`frontastic-session=${token(3)}; path=/; secure`);
    expect(ourWrite.toLowerCase()).toBe(`frontastic-session=${token(2)}; path=/; secure`);
  });
});
