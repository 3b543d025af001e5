import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseStudioData } from '@ctp-session/hub';
import { tastics } from '../tastics/registry.js';
import { checkStudio, type StudioInput } from '../tools/studio-check.js';
import { FRONTEND_ROOT, loadStudio, loadTasticSchemas, StudioJsonError } from '../tools/load-studio.js';

const registry = Object.keys(tastics);
const studio = loadStudio(registry);

/** A deep copy of the real Studio data with one thing changed. */
function withChange(change: (input: { tasticSchemas: Record<string, any>; pages: any; registry: string[] }) => void): StudioInput {
  const copy = structuredClone({ tasticSchemas: studio.tasticSchemas, pages: studio.pages, registry: [...registry] }) as {
    tasticSchemas: Record<string, any>;
    pages: any;
    registry: string[];
  };
  change(copy);
  return { ...studio, ...copy };
}

const folder = (input: { pages: any }, id: string) => input.pages.pageFolders.find((f: { pageFolderId: string }) => f.pageFolderId === id);

describe('the Studio data of the store', () => {
  it('agrees with the tastic registry and the extensions\' schemas: no unknown tasticType, dataSourceType or field type', () => {
    expect(checkStudio(studio)).toEqual([]);
  });

  it('has every tastic the issue names, each a folder with index.tsx and schema.json', () => {
    expect(registry.sort()).toEqual([
      'commercetools/account',
      'commercetools/cart',
      'commercetools/checkout',
      'commercetools/order-confirmation',
      'commercetools/product-detail',
      'commercetools/product-list',
      'example/reward-points',
      'example/show-cart-id',
    ]);
    for (const type of registry) {
      expect(existsSync(join(FRONTEND_ROOT, 'tastics', type, 'index.tsx'))).toBe(true);
      expect(existsSync(join(FRONTEND_ROOT, 'tastics', type, 'schema.json'))).toBe(true);
    }
  });

  it('has the pages /, /cart, /checkout, /login, /account, /thank-you, /p/{sku} and /rewards', () => {
    const folders = (studio.pages as { pageFolders: Array<{ path?: string; dynamicPageType?: string }> }).pageFolders;
    expect(folders.map((f) => f.path).filter(Boolean).sort()).toEqual(['/', '/checkout', '/login', '/rewards']);
    expect(folders.map((f) => f.dynamicPageType).filter(Boolean).sort()).toEqual([
      'commercetools/account',
      'commercetools/cart',
      'commercetools/order-confirmation',
      'commercetools/product',
    ]);
  });

  it("is accepted by the hub's own pages parser", () => {
    expect(() => parseStudioData(studio.pages, 'studio/pages.json')).not.toThrow();
  });
});

describe('checkStudio finds each kind of mistake', () => {
  it.each<[string, (input: { tasticSchemas: Record<string, any>; pages: any; registry: string[] }) => void, RegExp]>([
    ['an unknown tasticType on a page', (s) => (folder(s, 'home').page.sections.main.layoutElements[0].tastics[0].tasticType = 'example/nope'), /\(example\/nope\): unknown tasticType/],
    ['an unknown data source type on a page', (s) => (folder(s, 'home').dataSourceConfigurations[1].type = 'commercetools/nope'), /unknown dataSourceType commercetools\/nope/],
    ['an unknown dynamic page type', (s) => (folder(s, 'cart').dynamicPageType = 'commercetools/nope'), /unknown dynamicPageType "commercetools\/nope"/],
    ['an unknown field type in a tastic schema', (s) => (s.tasticSchemas['commercetools/product-list'].schema[0].fields[0].type = 'colour'), /unknown field type "colour"/],
    ['a field without label', (s) => delete s.tasticSchemas['commercetools/product-list'].schema[0].fields[0].label, /label is missing/],
    ['an enum without values', (s) => (s.tasticSchemas['commercetools/product-list'].schema[0].fields[0].type = 'enum'), /enum without values/],
    ['a dataSource field of an unknown type', (s) => (s.tasticSchemas['commercetools/cart'].schema[0].fields[0].dataSourceType = 'commercetools/basket'), /unknown dataSourceType commercetools\/basket/],
    ['a schema whose tasticType does not match its folder', (s) => (s.tasticSchemas['commercetools/cart'].tasticType = 'commercetools/basket'), /does not match its folder/],
    ['a schema without icon', (s) => delete s.tasticSchemas['commercetools/cart'].icon, /icon is missing/],
    ['a registered tastic without schema', (s) => s.registry.push('example/ghost'), /example\/ghost has no schema\.json/],
    ['a schema without component', (s) => (s.registry = s.registry.filter((t) => t !== 'example/reward-points')), /example\/reward-points has a schema\.json but no component/],
    ['a configuration key the schema does not declare', (s) => (folder(s, 'home').page.sections.main.layoutElements[0].tastics[0].configuration.colour = 'red'), /configuration has colour/],
    ['a data source id the folder does not have', (s) => (folder(s, 'home').page.sections.main.layoutElements[0].tastics[0].configuration.products.dataSourceId = 'ds-gone'), /points at ds-gone/],
    ['a data source of the wrong type', (s) => (folder(s, 'home').page.sections.main.layoutElements[0].tastics[0].configuration.products.dataSourceId = 'ds-home-cart-id'), /wants commercetools\/product-list but ds-home-cart-id is example\/get-cart-id/],
    ['__master on a static page', (s) => (folder(s, 'checkout').page.sections.main.layoutElements[0].tastics[0].configuration.cart.dataSourceId = '__master'), /points at __master/],
    ['__master of the wrong dynamic page type', (s) => (folder(s, 'thank-you').dynamicPageType = 'commercetools/cart'), /wants commercetools\/order but __master is commercetools\/cart/],
    ['a missing required data source', (s) => delete folder(s, 'checkout').page.sections.main.layoutElements[0].tastics[0].configuration.cart, /required data source cart is not set/],
    ['a data source configuration field the data source does not have', (s) => (folder(s, 'home').dataSourceConfigurations[1].configuration.colour = 'red'), /commercetools\/product-list has no field colour/],
    ['an unknown section', (s) => (folder(s, 'home').page.sections.sidebar = { sectionId: 'x', layoutElements: [] }), /unknown section sidebar/],
    ['pages that are not a list', (s) => (s.pages = { pageFolders: {} }), /pageFolders must be a list/],
  ])('%s', (_name, change, expected) => {
    const problems = checkStudio(withChange(change));
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
  });
});

describe('a schema.json that does not parse', () => {
  it.each([
    ['a stray comma', '{\n  "tasticType": "example/broken",\n  "name": "Broken",,\n  "icon": "x"\n}\n', 3, 20],
    ['a missing closing brace', '{\n  "tasticType": "example/broken"\n', 3, 1],
  ])('is StudioJsonError with its file, line and column: %s', (_what, text, line, column) => {
    const root = mkdtempSync(join(tmpdir(), 'tastics-'));
    try {
      mkdirSync(join(root, 'example', 'broken'), { recursive: true });
      writeFileSync(join(root, 'example', 'broken', 'schema.json'), text);
      const file = join(root, 'example', 'broken', 'schema.json');
      expect(() => loadTasticSchemas(root)).toThrow(StudioJsonError);
      expect(() => loadTasticSchemas(root)).toThrow(expect.objectContaining({ code: 'STUDIO_JSON_INVALID', file, line, column, message: expect.stringMatching(new RegExp(`^${file}:${line}:${column}: not valid JSON`)) }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
