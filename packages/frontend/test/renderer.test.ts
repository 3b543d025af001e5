import { describe, expect, it } from '@jest/globals';
import { isRedirect, parsePageResponse, PageResponseError } from '../renderer/parse-page-response.js';
import { resolveDataSources } from '../renderer/resolve-data-sources.js';

describe('resolveDataSources', () => {
  const dataSources = { 'ds-products': { products: [{ sku: 'A' }] }, __master: { cart: { id: 'c1' } }, 'ds-zero': 0 };

  it('resolves a top-level reference to { dataSourceId, dataSource }', () => {
    expect(resolveDataSources({ title: 'New', products: { dataSourceId: 'ds-products' } }, dataSources)).toEqual({
      title: 'New',
      products: { dataSourceId: 'ds-products', dataSource: { products: [{ sku: 'A' }] } },
    });
  });

  it('resolves __master, the payload of a dynamic page', () => {
    expect(resolveDataSources({ cart: { dataSourceId: '__master' } }, dataSources)).toEqual({
      cart: { dataSourceId: '__master', dataSource: { cart: { id: 'c1' } } },
    });
  });

  it('resolves references at any depth, inside groups and lists', () => {
    const configuration = { tabs: [{ label: 'a', source: { dataSourceId: 'ds-products' } }, { label: 'b', nested: { deeper: { dataSourceId: '__master' } } }] };
    const resolved = resolveDataSources(configuration, dataSources);
    expect(resolved.tabs[0]).toEqual({ label: 'a', source: { dataSourceId: 'ds-products', dataSource: { products: [{ sku: 'A' }] } } });
    expect(resolved.tabs[1]).toEqual({ label: 'b', nested: { deeper: { dataSourceId: '__master', dataSource: { cart: { id: 'c1' } } } } });
  });

  it('resolves a data source the page response left out (it failed) to null', () => {
    expect(resolveDataSources({ products: { dataSourceId: 'ds-failed' } }, dataSources)).toEqual({ products: { dataSourceId: 'ds-failed', dataSource: null } });
  });

  it('keeps a falsy payload as it is', () => {
    expect(resolveDataSources({ n: { dataSourceId: 'ds-zero' } }, dataSources)).toEqual({ n: { dataSourceId: 'ds-zero', dataSource: 0 } });
  });

  it('does not look up inherited names such as toString or __proto__', () => {
    expect(resolveDataSources({ a: { dataSourceId: 'toString' } }, dataSources)).toEqual({ a: { dataSourceId: 'toString', dataSource: null } });
  });

  it('leaves values that are not references alone (non-string ids, scalars, null)', () => {
    const configuration = { a: { dataSourceId: 42 }, b: null, c: 'text', d: [1, 'two'], e: true };
    expect(resolveDataSources(configuration, dataSources)).toEqual(configuration);
  });

  it('does not change its input', () => {
    const configuration = { products: { dataSourceId: 'ds-products' } };
    const copy = structuredClone(configuration);
    resolveDataSources(configuration, dataSources);
    expect(configuration).toEqual(copy);
  });
});

const validPage = {
  page: {
    pageId: 'p1',
    state: 'published',
    sections: {
      main: {
        sectionId: 's-main',
        layoutElements: [
          {
            layoutElementId: 'le-1',
            configuration: { size: 6, mobile: false, extra: 'ignored' },
            tastics: [{ tasticId: 't-1', tasticType: 'example/show-cart-id', configuration: { cartId: { dataSourceId: 'ds' } } }],
          },
        ],
      },
    },
  },
  pageFolder: { pageFolderId: 'home', name: 'Home', isDynamic: false },
  data: { dataSources: { ds: { cartId: null } } },
};

describe('parsePageResponse', () => {
  it('reads a page answer of the hub', () => {
    const page = parsePageResponse(validPage);
    expect(page.page.sections.main?.layoutElements[0]).toEqual({
      layoutElementId: 'le-1',
      configuration: { size: 6, mobile: false },
      tastics: [{ tasticId: 't-1', tasticType: 'example/show-cart-id', configuration: { cartId: { dataSourceId: 'ds' } } }],
    });
    expect(page.page.sections.head).toBeUndefined();
    expect(page.pageFolder).toEqual({ pageFolderId: 'home', name: 'Home', isDynamic: false });
    expect(page.data.dataSources).toEqual({ ds: { cartId: null } });
  });

  it('treats missing layout elements, tastics, configuration and data sources as empty', () => {
    const page = parsePageResponse({
      page: { pageId: 'p', sections: { main: { sectionId: 's', layoutElements: [{ layoutElementId: 'le', tastics: [{ tasticId: 't', tasticType: 'x' }] }] }, footer: { sectionId: 'f' } } },
    });
    expect(page.page.sections.main?.layoutElements[0]?.tastics[0]?.configuration).toEqual({});
    expect(page.page.sections.footer?.layoutElements).toEqual([]);
    expect(page.data.dataSources).toEqual({});
  });

  it.each([
    ['not an object', 'nope', /not an object/],
    ['no page', { data: {} }, /page is missing/],
    ['a page without id', { page: { sections: {} } }, /page\.pageId/],
    ['a tastic without type', { page: { pageId: 'p', sections: { main: { sectionId: 's', layoutElements: [{ layoutElementId: 'le', tastics: [{ tasticId: 't' }] }] } } } }, /page\.sections\.main\.layoutElements\[0\]\.tastics\[0\]\.tasticType/],
    ['layout elements that are not a list', { page: { pageId: 'p', sections: { head: { sectionId: 's', layoutElements: {} } } } }, /page\.sections\.head\.layoutElements is not a list/],
  ])('refuses %s with PAGE_RESPONSE_INVALID naming the place', (_name, value, message) => {
    const error = (() => {
      try {
        parsePageResponse(value);
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PageResponseError);
    expect(error).toMatchObject({ code: 'PAGE_RESPONSE_INVALID' });
    expect((error as Error).message).toMatch(message);
  });
});

describe('isRedirect', () => {
  it("recognises the SDK's RedirectResponse and nothing else", () => {
    expect(isRedirect({ statusCode: 301, reason: 'dynamic page redirect', targetType: 'link', target: '/login' })).toBe(true);
    expect(isRedirect(validPage)).toBe(false);
    expect(isRedirect({ statusCode: 301 })).toBe(false);
    expect(isRedirect(null)).toBe(false);
  });
});
