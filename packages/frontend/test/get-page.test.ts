import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getPage, PageLoadError } from '../lib/get-page.js';
import { DEFAULT_HUB_URL, hubUrlFromEnv } from '../lib/hub-url.js';
import { json, startTinyHub } from './support/tiny-hub.js';

type TinyHub = Awaited<ReturnType<typeof startTinyHub>>;

const page = {
  page: { pageId: 'home-page', sections: { main: { sectionId: 'main', layoutElements: [] } } },
  pageFolder: { pageFolderId: 'home', name: 'Shop' },
  data: { dataSources: { ds: { cartId: null } } },
};

let hub: TinyHub;

beforeAll(async () => {
  hub = await startTinyHub((request, response) => {
    const path = request.headers['frontastic-path'];
    if (path === '/') return json(response, 200, page, { 'Frontastic-Session': 'a-page-must-not-write-this' });
    if (path === '/account') return json(response, 200, { statusCode: 301, reason: 'dynamic page redirect', targetType: 'link', target: '/login' });
    if (path === '/broken') return json(response, 500, { code: 'EXTENSION_FAILED', message: 'boom' });
    if (path === '/garbage') return json(response, 200, { page: { sections: {} } });
    return json(response, 404, { code: 'PAGE_NOT_FOUND', message: 'No page.' });
  });
});

afterAll(async () => {
  await hub.close();
});

describe('getPage (the frontend-sdk on the server)', () => {
  it("asks the hub for the path with the shopper's session and the query, and returns the page", async () => {
    const before = hub.seen.length;
    const result = await getPage({ endpoint: hub.url, path: '/', query: { sort: 'price', tag: ['a', 'b'] }, sessionToken: 'token-of-the-shopper' });
    expect(result.kind).toBe('page');
    expect(result.kind === 'page' && result.page.data.dataSources).toEqual({ ds: { cartId: null } });
    const request = hub.seen[before];
    expect(request?.method).toBe('POST');
    expect(request?.url.startsWith('/frontastic/page?')).toBe(true);
    expect(decodeURIComponent(request?.url ?? '')).toContain('sort=price');
    expect(request?.headers['frontastic-session']).toBe('token-of-the-shopper');
    // Nothing of the shopper's own request (cookies, host) leaks to the hub.
    expect(request?.headers['cookie']).toBeUndefined();
  });

  it('sends no session for a shopper without one', async () => {
    const before = hub.seen.length;
    await getPage({ endpoint: hub.url, path: '/', query: {}, sessionToken: undefined });
    expect(hub.seen[before]?.headers['frontastic-session']).toBeUndefined();
  });

  it('never writes the session, even if a page answer carried one', async () => {
    // Each call starts from the token it is given: a token from an earlier page answer is never reused.
    await getPage({ endpoint: hub.url, path: '/', query: {}, sessionToken: 'first' });
    const before = hub.seen.length;
    await getPage({ endpoint: hub.url, path: '/', query: {}, sessionToken: 'second' });
    expect(hub.seen[before]?.headers['frontastic-session']).toBe('second');
  });

  it('returns redirects and 404s as such', async () => {
    await expect(getPage({ endpoint: hub.url, path: '/account', query: {}, sessionToken: undefined })).resolves.toEqual({
      kind: 'redirect',
      redirect: { statusCode: 301, reason: 'dynamic page redirect', targetType: 'link', target: '/login' },
    });
    await expect(getPage({ endpoint: hub.url, path: '/nope', query: {}, sessionToken: undefined })).resolves.toEqual({ kind: 'not-found' });
  });

  it('throws PageLoadError with the code for any other failure', async () => {
    const error = await getPage({ endpoint: hub.url, path: '/broken', query: {}, sessionToken: undefined }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PageLoadError);
    expect(error).toMatchObject({ code: 'EXTENSION_FAILED' });
    expect((error as Error).message).toContain('/broken');
  });

  it('throws PAGE_RESPONSE_INVALID for an answer that is not a page', async () => {
    await expect(getPage({ endpoint: hub.url, path: '/garbage', query: {}, sessionToken: undefined })).rejects.toMatchObject({ code: 'PAGE_RESPONSE_INVALID' });
  });

  it('throws PageLoadError when the hub is down', async () => {
    const down = await startTinyHub(() => undefined);
    await down.close();
    await expect(getPage({ endpoint: down.url, path: '/', query: {}, sessionToken: undefined })).rejects.toBeInstanceOf(PageLoadError);
  });
});

describe('hubUrlFromEnv', () => {
  it('reads HUB_URL at run time, trims it and drops trailing slashes', () => {
    expect(hubUrlFromEnv({ HUB_URL: ' http://127.0.0.1:4000/ ' })).toBe('http://127.0.0.1:4000');
  });

  it('defaults to the hub on 127.0.0.1:8080 when unset or empty', () => {
    expect(hubUrlFromEnv({})).toBe(DEFAULT_HUB_URL);
    expect(hubUrlFromEnv({ HUB_URL: '' })).toBe(DEFAULT_HUB_URL);
  });
});
