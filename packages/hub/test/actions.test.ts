import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HEADER } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { call, createBrowser, createSdk, dataOf, type SDK } from './support/sdk-browser.js';
import { startTestHub, type TestHub } from './support/start-test-hub.js';

let hub: TestHub;
let sdk: SDK;

beforeAll(async () => {
  hub = await startTestHub({
    timeoutMs: 150,
    bodyLimitBytes: 2048,
    environment: 'staging',
    project: { projectId: 'shop-x', name: 'Shop X', locales: ['en_US', 'de_DE'] },
    projectConfiguration: { General: { storeName: 'Demo' }, Checkout: { freeShippingFrom: 5000 } },
    featureFlags: { newCheckout: true },
  });
  sdk = createSdk(hub.url);
});

afterAll(() => hub.close());

interface Echo {
  request: {
    method: string;
    path: string;
    query: unknown;
    body?: string;
    headers: Record<string, string[]>;
    sessionData: unknown;
    clientIp?: string;
    hostname?: string;
    frontasticRequestId: string;
  };
  frontasticContext: Record<string, unknown>;
}

describe('requests are shaped as on the platform', () => {
  it('passes method, path, query object, raw body, lower-case array headers, session, ids and context', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'cart-echo' }));
    const payload = { quantity: 2, sku: 'A-1' };
    const response = await sdk.callAction<Echo>({
      actionName: 'echo/request',
      payload,
      query: { page: '2', filter: { color: 'red' }, ids: ['a', 'b'] },
      serverOptions: browser.serverOptions,
    });
    const { request, frontasticContext } = dataOf(response);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/frontastic/action/echo/request');
    expect(request.query).toEqual({ page: '2', filter: { color: 'red' }, ids: ['a', 'b'] });
    expect(request.body).toBe(JSON.stringify(payload));
    expect(request.sessionData).toEqual({ cartId: 'cart-echo' });
    expect(request.headers['frontastic-locale']).toEqual(['en_US']);
    expect(request.headers['frontastic-currency']).toEqual(['USD']);
    expect(request.headers['commercetools-frontend-extension-version']).toEqual(['test']);
    expect(request.headers['content-type']).toEqual(['application/json']);
    for (const hidden of ['frontastic-session', 'cookie', 'x-frontastic-access-token']) expect(request.headers).not.toHaveProperty(hidden);
    for (const [name, values] of Object.entries(request.headers)) {
      expect(name).toBe(name.toLowerCase());
      expect(Array.isArray(values)).toBe(true);
    }
    expect(request.clientIp).toMatch(/127\.0\.0\.1$/);
    expect(request.hostname).toBe('127.0.0.1');
    expect(response.isError ? undefined : response.tracing.frontasticRequestId).toBe(request.frontasticRequestId);
    expect(frontasticContext).toEqual({
      environment: 'staging',
      project: { projectId: 'shop-x', name: 'Shop X', customer: 'local', configuration: {}, locales: ['en_US', 'de_DE'], defaultLocale: 'en_US' },
      projectConfiguration: { storeName: 'Demo', freeShippingFrom: 5000 },
      locale: 'en_US',
      featureFlags: { newCheckout: true },
    });
  });

  it('takes the locale from Frontastic-Locale, the forwarded client IP, and no body on a GET', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/action/echo/request?q=1&q=2`, {
      method: 'GET',
      headers: { 'Frontastic-Locale': 'de_DE@EUR', 'X-Forwarded-For': '203.0.113.7, 10.0.0.1', Cookie: 'a=b', 'X-Frontastic-Access-Token': 'APIKEY' },
    });
    const { request, frontasticContext } = raw.json() as Echo;
    expect(request.method).toBe('GET');
    expect(request.body).toBeUndefined();
    expect(request.query).toEqual({ q: '2' });
    expect(request.clientIp).toBe('203.0.113.7');
    // The header reaches the extension as sent; the context's locale is the project's own spelling of it.
    expect(request.headers['frontastic-locale']).toEqual(['de_DE@EUR']);
    expect(frontasticContext['locale']).toBe('de_DE');
    expect(request.headers).not.toHaveProperty('cookie');
    expect(request.headers).not.toHaveProperty('x-frontastic-access-token');
  });

  it('falls back to the project default locale', async () => {
    const { frontasticContext } = (await rawCall(`${hub.url}/frontastic/action/echo/request`, { body: '{}' })).json() as Echo;
    expect(frontasticContext['locale']).toBe('en_US');
  });
});

describe('failures as on the platform', () => {
  it.each([
    ['fail/throws', /boom from the fixture/],
    ['fail/rejects', /rejected from the fixture/],
  ])('%s gives a 500 JSON error and leaves the session alone', async (actionName, message) => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { safe: true }));
    const before = browser.sessionCookie();
    const raw = await rawCall(`${hub.url}/frontastic/action/${actionName}`, { token: before as string, body: '{}' });
    expect(raw.status).toBe(500);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw.headers.has(HEADER.session)).toBe(false);
    expect(raw.json()).toMatchObject({ code: 'EXTENSION_FAILED', message: expect.stringMatching(message), frontasticRequestId: raw.headers.get(HEADER.requestId) });
    const response = await call(sdk, browser, actionName);
    expect(response.isError).toBe(true);
    expect(response.isError && response.error['code']).toBe('EXTENSION_FAILED');
    expect(browser.sessionCookie()).toBe(before);
    expect(hub.logs.some((line) => line.level === 'error' && line.fields['what'] === `action ${actionName}`)).toBe(true);
  });

  it('an action slower than the timeout gives a 500 and its late session write is dropped', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { before: 'timeout' }));
    const raw = await rawCall(`${hub.url}/frontastic/action/fail/slow`, { token: browser.sessionCookie() as string, body: JSON.stringify({ ms: 400 }) });
    expect(raw.status).toBe(500);
    expect(raw.json()).toMatchObject({ code: 'EXTENSION_TIMEOUT', message: expect.stringContaining('within 150 ms') });
    const response = await call(sdk, browser, 'fail/slow', { ms: 400 });
    expect(response.isError).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session).toEqual({ before: 'timeout' });
  });

  it.each([
    ['fail/noStatus', 200, '{"partial":true}', 'statusCode is missing'],
    ['fail/nothing', 200, '', 'the action returned undefined instead of { statusCode, body }'],
    ['fail/objectBody', 201, '{"notA":"string"}', 'body is not a string (it was JSON-encoded by the hub)'],
  ])('%s without a proper statusCode/body answers %i with X-Extension-Error', async (actionName, status, body, problem) => {
    const raw = await rawCall(`${hub.url}/frontastic/action/${actionName}`, { body: '{}' });
    expect(raw.status).toBe(status);
    expect(raw.text).toBe(body);
    expect(raw.headers.get(HEADER.extensionError)).toBe(problem);
  });

  it.each(['nope/nothing', 'session/nothing', 'constructor/keys', 'session/toString', 'session/__proto__'])('unknown action %s is a JSON 404', async (actionName) => {
    const raw = await rawCall(`${hub.url}/frontastic/action/${actionName}`, { body: '{}' });
    expect(raw.status).toBe(404);
    expect(raw.json()).toMatchObject({ code: 'ACTION_NOT_FOUND' });
  });

  it('refuses a body over the limit with 413', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/action/session/read`, { body: JSON.stringify({ big: 'x'.repeat(5000) }) });
    expect(raw.status).toBe(413);
    expect(raw.json()).toMatchObject({ code: 'REQUEST_BODY_TOO_LARGE' });
    // The connection is still usable afterwards.
    expect((await rawCall(`${hub.url}/frontastic/action/session/read`, { body: '{}' })).status).toBe(200);
  });

  it('refuses other methods and unknown routes with JSON errors', async () => {
    const put = await rawCall(`${hub.url}/frontastic/action/session/read`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const unknown = await rawCall(`${hub.url}/somewhere`, { method: 'GET' });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});

describe('status and CORS', () => {
  it('reports the bundle and configuration on /frontastic/status', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/status`, { method: 'GET' });
    expect(raw.status).toBe(200);
    expect(raw.json()).toMatchObject({
      status: 'ok',
      environment: 'staging',
      sessionSecret: 'configured',
      bundle: { version: 1, dynamicPageHandler: true, actions: expect.arrayContaining(['session/read', 'echo/request']), dataSources: expect.arrayContaining(['test/echo-session']) },
      pageFolders: 3,
    });
  });

  it('answers a preflight from the frontend origin, allowing only Frontastic and Commercetools-Frontend headers', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/action/session/read`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, frontastic-session, frontastic-locale, commercetools-frontend-extension-version, x-frontastic-access-token, cofe-custom-configuration, x-evil',
      },
    });
    expect(raw.status).toBe(204);
    expect(raw.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(raw.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(raw.headers.get('access-control-allow-headers')).toBe(
      'content-type, frontastic-session, frontastic-locale, commercetools-frontend-extension-version, x-frontastic-access-token, cofe-custom-configuration',
    );
  });

  it('exposes Frontastic-Session and the hub headers to the frontend origin, and nothing to others', async () => {
    const allowed = await rawCall(`${hub.url}/frontastic/action/session/read`, { body: '{}', headers: { Origin: 'http://localhost:3000' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-expose-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['Frontastic-Session', 'Frontastic-Request-Id', 'X-Session-Invalid', 'X-Session-Refused', 'X-Extension-Error']),
    );
    const other = await rawCall(`${hub.url}/frontastic/action/session/read`, { body: '{}', headers: { Origin: 'http://evil.example' } });
    expect(other.headers.has('access-control-allow-origin')).toBe(false);
    const preflight = await rawCall(`${hub.url}/frontastic/action/session/read`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.has('access-control-allow-origin')).toBe(false);
  });
});
