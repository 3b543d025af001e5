import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseStudioData } from '../src/index.js';
import { rawCall, type RawResponse } from './support/raw-call.js';
import { createSdk, dataOf, type SDK } from './support/sdk-browser.js';
import { FIXTURES, startTestHub, type TestHub } from './support/start-test-hub.js';

interface DataSourceConfiguration {
  dataSourceId: string;
  type: string;
  name: string;
  configuration: Record<string, unknown>;
  preloadedValue: unknown;
}
interface PageData {
  page: { pageId: string };
  pageFolder: { pageFolderId: string; isDynamic: boolean; configuration: Record<string, unknown>; dataSourceConfigurations: DataSourceConfiguration[] };
  data: { dataSources: Record<string, Record<string, unknown>> };
}

const RED_SHOE = { product: { id: 'p-1', name: 'Red shoe', categories: [{ categoryId: 'shoes' }] } };

let hub: TestHub;
let sdk: SDK;

beforeAll(async () => {
  hub = await startTestHub({ bundle: `${FIXTURES}master-bundle.cjs`, pages: `${FIXTURES}master-pages.json`, project: { projectId: 'shop', locales: ['en_US', 'de_DE'] } });
  sdk = createSdk(hub.url);
});
afterAll(() => hub.close());

const page = async (path: string): Promise<PageData> => dataOf(await sdk.page.getPage<PageData>({ path }));
const dataSource = (type: string, body?: unknown, query = ''): Promise<RawResponse> =>
  rawCall(`${hub.url}/frontastic/data-source/${type}${query}`, { headers: { 'Frontastic-Locale': 'en_US' }, ...(body === undefined ? { method: 'GET' } : { body: JSON.stringify(body) }) });

describe('dynamic pages carry their __master data source configuration', () => {
  it('lists __master first, typed by the folder\'s dataSourceType, preloaded with the handler\'s payload, the others preloaded with null', async () => {
    const { pageFolder, data } = await page('/p/red-shoe');
    expect(pageFolder).toMatchObject({ pageFolderId: 'pdp', isDynamic: true });
    expect(pageFolder.dataSourceConfigurations).toEqual([
      { dataSourceId: '__master', type: 'shop/product', name: '__master', configuration: {}, preloadedValue: RED_SHOE },
      { dataSourceId: 'vandal', type: 'shop/vandal', name: 'vandal', configuration: {}, preloadedValue: null },
      { dataSourceId: 'similar', type: 'shop/similar-products', name: 'Similar products', configuration: { limit: 4 }, preloadedValue: null },
    ]);
    // The preloaded value is the payload: the platform does not run the __master data source again.
    expect(data.dataSources['__master']).toEqual(RED_SHOE);
  });

  it('lets a data source read the master product from context.pageFolder, unchanged by its siblings, with isPreview false', async () => {
    const { data } = await page('/p/red-shoe');
    expect(data.dataSources['similar']).toEqual({
      category: 'shoes',
      items: ['p-1'],
      ownPreloadedValue: null,
      isPreview: false,
      pageFolderId: 'pdp',
      pageId: 'pdp-page',
      usingTastics: ['t-similar'],
      masterEntries: 1,
    });
    expect(data.dataSources['vandal']).toEqual({ vandalised: true });
    expect((await page('/p/blue-hat')).data.dataSources['similar']).toMatchObject({ category: 'hats', items: ['p-2'] });
  });

  it('runs the __master data source itself when the handler preloads nothing (a null payload), as the platform does', async () => {
    const { pageFolder, data } = await page('/no-payload');
    expect(pageFolder.dataSourceConfigurations[0]).toMatchObject({ dataSourceId: '__master', preloadedValue: null });
    expect(data.dataSources['__master']).toMatchObject({ ranByHub: true, preloadedValue: null });
    expect(data.dataSources['similar']).toMatchObject({ category: null, items: ['p-1', 'p-2'] });
  });

  it('keeps a __master entry the pages file lists (its type, name and configuration)', async () => {
    const { pageFolder, data } = await page('/listing');
    expect(pageFolder.dataSourceConfigurations).toEqual([{ dataSourceId: '__master', type: 'shop/list', name: 'Listing', configuration: { sort: 'price' }, preloadedValue: { items: ['a', 'b'] } }]);
    expect(data.dataSources['__master']).toEqual({ items: ['a', 'b'] });
  });

  it('gives static folders no __master, and pathTranslations for every project locale', async () => {
    const { pageFolder, data } = await page('/');
    expect(pageFolder.dataSourceConfigurations.map((entry) => entry.dataSourceId)).toEqual(['all']);
    expect(pageFolder.configuration).toEqual({ path: '/', pathTranslations: { en_US: '/', de_DE: '/' } });
    expect(data.dataSources['all']).toMatchObject({ category: null, masterEntries: 0, isPreview: false });
  });
});

describe('page requests need a locale of the project, as on the platform', () => {
  it.each([
    ['no locale at all', {}, '', 400, 'PAGE_LOCALE_MISSING'],
    ['a locale the project does not have', { 'Frontastic-Locale': 'fr_FR' }, '', 400, 'PAGE_LOCALE_UNSUPPORTED'],
    ['a project locale with a currency the project does not spell', { 'Frontastic-Locale': 'en_US@USD' }, '', 400, 'PAGE_LOCALE_UNSUPPORTED'],
    ['the locale as ?locale=', {}, '?locale=de_DE', 200, undefined],
  ])('%s', async (_name, headers, query, status, code) => {
    const raw = await rawCall(`${hub.url}/frontastic/page${query}`, { headers: { 'Frontastic-Path': '/', ...headers } });
    expect(raw.status).toBe(status);
    if (code !== undefined) expect(raw.json()).toMatchObject({ code, message: expect.stringContaining(code === 'PAGE_LOCALE_MISSING' ? 'Frontastic-Locale header' : "is not one of the project's locales (en_US, de_DE)") });
  });
});

describe('the data source route gives a realistic page folder', () => {
  it('passes the platform\'s placeholder page folder and page, and isPreview false, when no page is named', async () => {
    const raw = await dataSource('shop/similar-products', { configuration: { limit: 2 } });
    expect(raw.status).toBe(200);
    expect(raw.json()).toEqual({ dataSourcePayload: { category: null, items: ['p-1', 'p-2'], ownPreloadedValue: null, isPreview: false, pageFolderId: 'somePageFolderId', pageId: 'somePageId', usingTastics: [], masterEntries: 0 } });
  });

  it.each([
    ['?__isPreview=1', undefined, '?__isPreview=1', true],
    ['?__isPreview=0', undefined, '?__isPreview=0', false],
    ['"isPreview": true', { isPreview: true }, '', true],
  ])('sets isPreview from %s (and the bundle adds its previewPayload)', async (_name, body, query, isPreview) => {
    const result = (await dataSource('shop/similar-products', body ?? {}, query)).json() as { dataSourcePayload: { isPreview: boolean }; previewPayload?: unknown };
    expect(result.dataSourcePayload.isPreview).toBe(isPreview);
    expect(result.previewPayload !== undefined).toBe(isPreview);
  });

  it('with "path", runs the data source in the page folder that path renders, the dynamic page\'s __master preloaded', async () => {
    const raw = await dataSource('shop/similar-products', { path: '/p/blue-hat', dataSourceId: 'similar' });
    expect(raw.json()).toEqual({ dataSourcePayload: { category: 'hats', items: ['p-2'], ownPreloadedValue: null, isPreview: false, pageFolderId: 'pdp', pageId: 'pdp-page', usingTastics: ['t-similar'], masterEntries: 1 } });
  });

  it('with "pageFolderId", runs it in that folder (nothing preloaded: no dynamic page handler ran)', async () => {
    const raw = await dataSource('shop/similar-products', { pageFolderId: 'pdp', dataSourceId: 'similar' });
    expect(raw.json()).toMatchObject({ dataSourcePayload: { category: null, pageFolderId: 'pdp', masterEntries: 1, usingTastics: ['t-similar'] } });
  });

  it('runs __master of a rendered dynamic page with its preloaded value', async () => {
    const raw = await dataSource('shop/product', { path: '/p/red-shoe', dataSourceId: '__master' });
    expect(raw.json()).toMatchObject({ dataSourcePayload: { ranByHub: true, preloadedValue: RED_SHOE } });
  });

  it.each([
    ['a path no page has', { path: '/nowhere' }, 404, 'PAGE_NOT_FOUND'],
    ['a page folder that does not exist', { pageFolderId: 'nope' }, 404, 'PAGE_FOLDER_NOT_FOUND'],
    ['a data source of another type in that folder', { pageFolderId: 'pdp', dataSourceId: 'vandal' }, 400, 'DATA_SOURCE_REQUEST_INVALID'],
    ['both path and pageFolderId', { path: '/', pageFolderId: 'home' }, 400, 'DATA_SOURCE_REQUEST_INVALID'],
    ['a path that is not absolute', { path: 'p/red-shoe' }, 400, 'DATA_SOURCE_REQUEST_INVALID'],
    ['isPreview of the wrong type', { isPreview: 'yes' }, 400, 'DATA_SOURCE_REQUEST_INVALID'],
    ['a dataSourceId of the wrong type', { dataSourceId: 7 }, 400, 'DATA_SOURCE_REQUEST_INVALID'],
  ])('answers %s with a JSON error', async (_name, body, status, code) => {
    const raw = await dataSource('shop/similar-products', body);
    expect(raw.status).toBe(status);
    expect(raw.json()).toMatchObject({ code });
  });
});

describe('the pages file and __master', () => {
  const dynamic = { pageFolderId: 'd', dynamicPageType: 'shop/pdp', page: { pageId: 'p', sections: {} } };

  it('adds the __master entry a dynamic folder does not list, typed by dataSourceType or else the dynamicPageType', () => {
    expect(parseStudioData({ pageFolders: [dynamic] }, 'test').pageFolders[0]?.dataSourceConfigurations).toEqual([{ dataSourceId: '__master', type: 'shop/pdp', name: '__master', configuration: {} }]);
    expect(parseStudioData({ pageFolders: [{ ...dynamic, dataSourceType: 'shop/product' }] }, 'test').pageFolders[0]?.dataSourceConfigurations[0]?.type).toBe('shop/product');
  });

  it.each([
    ['dataSourceType on a static folder', { pageFolders: [{ pageFolderId: 's', path: '/', dataSourceType: 'x', page: dynamic.page }] }, /dataSourceType: belongs to dynamic page folders/],
    ['a dataSourceType of the wrong type', { pageFolders: [{ ...dynamic, dataSourceType: 5 }] }, /dataSourceType: must be a non-empty string/],
    ['a dataSourceType that disagrees with the listed __master', { pageFolders: [{ ...dynamic, dataSourceType: 'a', dataSourceConfigurations: [{ dataSourceId: '__master', type: 'b' }] }] }, /is "a" but the listed __master data source has type "b"/],
    ['a dataSourceId listed twice', { pageFolders: [{ ...dynamic, dataSourceConfigurations: [{ dataSourceId: 'x', type: 'a' }, { dataSourceId: 'x', type: 'b' }] }] }, /lists dataSourceId "x" twice/],
  ])('refuses %s', (_name, document, message) => {
    expect(() => parseStudioData(document, 'test')).toThrow(expect.objectContaining({ code: 'PAGES_FILE_INVALID', message: expect.stringMatching(message) }));
  });
});
