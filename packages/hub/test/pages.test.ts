import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HEADER, PagesFileError, parseStudioData } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { call, createBrowser, createSdk, dataOf, type SDK } from './support/sdk-browser.js';
import { startTestHub, type TestHub } from './support/start-test-hub.js';

interface PageData {
  page: { pageId: string; state: string; sections: Record<string, { sectionId: string; layoutElements: Array<{ tastics: Array<{ tasticId: string }> }> }> };
  pageFolder: { pageFolderId: string; isDynamic: boolean; pageFolderType: string; configuration: Record<string, unknown>; dataSourceConfigurations: unknown[] };
  data: { dataSources: Record<string, Record<string, unknown>> };
}

let hub: TestHub;
let sdk: SDK;

beforeAll(async () => {
  hub = await startTestHub({ timeoutMs: 200, project: { projectId: 'pages-test', locales: ['en_US', 'de_DE'] } });
  sdk = createSdk(hub.url, 'de-DE');
});

afterAll(() => hub.close());

describe('static pages', () => {
  it('serves a page by path with its data sources run in parallel, in the shape page.getPage returns', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'c-page' }));
    const response = await sdk.page.getPage<PageData>({ path: '/', serverOptions: browser.serverOptions });
    const { page, pageFolder, data } = dataOf(response);
    expect(page.pageId).toBe('home-page');
    expect(page.state).toBe('published');
    expect(page.sections['main']?.layoutElements[0]?.tastics.map((tastic) => tastic.tasticId)).toEqual(['t-hero', 't-list', 't-other']);
    expect(pageFolder).toMatchObject({ pageFolderId: 'home', isDynamic: false, pageFolderType: 'landingpage', configuration: { path: '/' } });
    expect(pageFolder.dataSourceConfigurations).toHaveLength(2);
    expect(data.dataSources['ds-session']).toEqual({
      sessionData: { cartId: 'c-page' },
      configuration: { limit: 3 },
      dataSourceId: 'ds-session',
      pageId: 'home-page',
      pageFolderId: 'home',
      usingTastics: ['t-hero', 't-list'],
      locale: 'de_DE',
    });
    expect(data.dataSources['ds-other']).toMatchObject({ configuration: { limit: 7 }, usingTastics: ['t-other'] });
  });

  it('matches paths with or without a trailing slash and serves the page even when some data sources fail', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/broken', 'Frontastic-Locale': 'de_DE' } });
    expect(raw.status).toBe(200);
    const { data } = raw.json() as PageData;
    expect(Object.keys(data.dataSources)).toEqual(['ds-ok']);
    const problem = raw.headers.get(HEADER.extensionError) ?? '';
    expect(problem).toContain('data source ds-throws (test/throws): data source exploded');
    expect(problem).toContain('data source ds-slow (test/slow) did not answer within 200 ms');
    expect(problem).toContain('data source ds-missing (test/not-in-bundle): the bundle has no data source of this type');
    expect(problem).toContain('data source ds-no-payload (test/no-payload): returned no dataSourcePayload');
    // Messages a header cannot carry (newlines, non-ASCII) are flattened rather than failing the page.
    expect(problem).toContain('data source ds-unicode (test/unicode-error): exploded on line two with n code');
  });

  it('answers a JSON 400 without Frontastic-Path', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/page`);
    expect(raw.status).toBe(400);
    expect(raw.json()).toMatchObject({ code: 'PAGE_PATH_MISSING' });
  });
});

describe('dynamic pages', () => {
  it('renders the page folder of the matched dynamicPageType with the __master payload and the query passed on', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/replace', { cartId: 'c-pdp' }));
    const before = browser.sessionCookie();
    const { page, pageFolder, data } = dataOf(await sdk.page.getPage<PageData>({ path: '/p/red-shoe', query: { color: 'red' }, serverOptions: browser.serverOptions }));
    expect(page.pageId).toBe('pdp');
    expect(pageFolder).toMatchObject({ pageFolderId: 'product-detail', isDynamic: true, pageFolderType: 'test/product' });
    expect(data.dataSources['__master']).toEqual({ slug: 'red-shoe', sessionData: { cartId: 'c-pdp' }, locale: 'de_DE', query: { color: 'red', path: '/p/red-shoe', locale: 'de_DE' } });
    expect(data.dataSources['ds-session']).toMatchObject({ sessionData: { cartId: 'c-pdp' } });
    // The handler returned a session; it was ignored.
    expect(browser.sessionCookie()).toBe(before);
    expect(dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session).toEqual({ cartId: 'c-pdp' });
  });

  it('returns a redirect in the RedirectResponse shape', async () => {
    const response = await sdk.page.getPage({ path: '/old/blue-shoe' });
    expect(dataOf(response)).toEqual({ statusCode: 301, reason: 'dynamic page redirect', targetType: 'link', target: '/p/blue-shoe' });
  });

  it('gives a JSON 404 when the handler returns null or matches a type no page folder has', async () => {
    const missing = await sdk.page.getPage({ path: '/does/not/exist' });
    expect(missing.isError).toBe(true);
    expect(missing.isError && missing.error['code']).toBe('PAGE_NOT_FOUND');
    const unmatched = await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/unmatched-type', 'Frontastic-Locale': 'de_DE' } });
    expect(unmatched.status).toBe(404);
    expect(unmatched.json()).toMatchObject({ code: 'PAGE_NOT_FOUND', message: expect.stringContaining('test/nowhere') });
  });

  it.each([
    ['/handler-throws', 'EXTENSION_FAILED'],
    ['/handler-slow', 'EXTENSION_TIMEOUT'],
  ])('%s gives a 500 JSON error', async (path, code) => {
    const raw = await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': path, 'Frontastic-Locale': 'de_DE' } });
    expect(raw.status).toBe(500);
    expect(raw.json()).toMatchObject({ code });
  });
});

describe('the data source route (development)', () => {
  it('runs one data source with the given configuration and the shopper session', async () => {
    const raw = await rawCall(`${hub.url}/frontastic/data-source/test/echo-session`, { body: JSON.stringify({ configuration: { limit: 1 }, dataSourceId: 'preview-1' }) });
    expect(raw.status).toBe(200);
    expect(raw.json()).toMatchObject({ dataSourcePayload: { configuration: { limit: 1 }, dataSourceId: 'preview-1', sessionData: {} } });
    expect(raw.headers.has(HEADER.session)).toBe(false);
    const get = await rawCall(`${hub.url}/frontastic/data-source/test/echo-session?limit=4`, { method: 'GET' });
    expect(get.json()).toMatchObject({ dataSourcePayload: { configuration: { limit: '4' } } });
  });

  it('answers 404, 400 and 500 for unknown types, bad bodies and failing data sources', async () => {
    expect((await rawCall(`${hub.url}/frontastic/data-source/test/unknown`, { body: '{}' })).status).toBe(404);
    expect((await rawCall(`${hub.url}/frontastic/data-source/test/echo-session`, { body: '{not json' })).status).toBe(400);
    expect((await rawCall(`${hub.url}/frontastic/data-source/test/echo-session`, { body: '{"configuration":[1]}' })).status).toBe(400);
    const failing = await rawCall(`${hub.url}/frontastic/data-source/test/throws`, { body: '{}' });
    expect(failing.status).toBe(500);
    expect(failing.json()).toMatchObject({ code: 'EXTENSION_FAILED' });
  });

  it('does not exist in production', async () => {
    const production = await startTestHub({ environment: 'production' });
    try {
      const raw = await rawCall(`${production.url}/frontastic/data-source/test/echo-session`, { body: '{}' });
      expect(raw.status).toBe(404);
      expect(raw.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    } finally {
      await production.close();
    }
  });
});

describe('the Studio pages file', () => {
  const folder = { pageFolderId: 'f', path: '/', page: { pageId: 'p', sections: {} } };

  it.each([
    ['not an object', [], /must be an object/],
    ['pageFolders not an array', { pageFolders: {} }, /pageFolders: must be an array/],
    ['both path and dynamicPageType', { pageFolders: [{ ...folder, dynamicPageType: 'x' }] }, /exactly one of "path"/],
    ['neither path nor dynamicPageType', { pageFolders: [{ pageFolderId: 'f', page: folder.page }] }, /exactly one of "path"/],
    ['a relative path', { pageFolders: [{ ...folder, path: 'home' }] }, /must start with "\/"/],
    ['no page', { pageFolders: [{ pageFolderId: 'f', path: '/' }] }, /page: must be an object/],
    ['an unknown section', { pageFolders: [{ ...folder, page: { pageId: 'p', sections: { sidebar: {} } } }] }, /is not a section; use head, main or footer/],
    ['a tastic without a type', { pageFolders: [{ ...folder, page: { pageId: 'p', sections: { main: { sectionId: 'm', layoutElements: [{ layoutElementId: 'l', tastics: [{ tasticId: 't' }] }] } } } }] }, /tastics\[0\]\.tasticType: must be a non-empty string/],
    ['a data source without a type', { pageFolders: [{ ...folder, dataSourceConfigurations: [{ dataSourceId: 'd' }] }] }, /dataSourceConfigurations\[0\]\.type/],
    ['two folders on one path', { pageFolders: [folder, { ...folder, pageFolderId: 'g', path: '/' }] }, /both claim path \//],
  ])('refuses %s with the JSON path of the problem', (_name, input, message) => {
    expect(() => parseStudioData(input, 'pages.json')).toThrow(PagesFileError);
    expect(() => parseStudioData(input, 'pages.json')).toThrow(message);
  });

  it('refuses to start on a missing or non-JSON pages file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-pages-'));
    writeFileSync(join(dir, 'broken.json'), '{ "pageFolders": [');
    await expect(startTestHub({ pages: join(dir, 'broken.json') })).rejects.toMatchObject({ code: 'PAGES_FILE_INVALID', message: expect.stringContaining('not valid JSON') });
    await expect(startTestHub({ pages: join(dir, 'missing.json') })).rejects.toMatchObject({ code: 'PAGES_FILE_INVALID' });
  });

  it('re-reads the file when it changes in development, and keeps the last good pages while it is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-pages-'));
    const file = join(dir, 'pages.json');
    const pages = (title: string) => JSON.stringify({ pageFolders: [{ pageFolderId: 'home', path: '/', page: { pageId: title, sections: {} } }] });
    writeFileSync(file, pages('first'));
    const local = await startTestHub({ pages: file, watch: true });
    try {
      const pageId = async () => ((await rawCall(`${local.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } })).json() as PageData).page.pageId;
      expect(await pageId()).toBe('first');
      writeFileSync(file, pages('second-version'));
      expect(await pageId()).toBe('second-version');
      writeFileSync(file, '{ broken');
      expect(await pageId()).toBe('second-version');
      expect(local.logs.some((line) => line.message.startsWith('pages file reload failed'))).toBe(true);
    } finally {
      await local.close();
    }
  });
});
