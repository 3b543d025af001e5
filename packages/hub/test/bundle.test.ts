import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { BundleLoadError, BundleShapeError, hubOptionsFromEnv, startHub } from '../src/index.js';
import { flattenProjectConfiguration } from '../src/project/flatten-configuration.js';
import { rawCall } from './support/raw-call.js';
import { captureLogger, FIXTURES, SECRET_A, startTestHub, type LogLine } from './support/start-test-hub.js';

const bundleSource = (answer: string) => `module.exports = { default: { actions: { hello: { world: () => ({ statusCode: 200, body: JSON.stringify({ answer: ${JSON.stringify(answer)} }) }) } } } };\n`;

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('loading a bundle built the platform way', () => {
  it('accepts a default export that is module.exports itself', async () => {
    const hub = await startTestHub({ bundle: `${FIXTURES}plain-exports-bundle.cjs`, pages: undefined });
    try {
      const raw = await rawCall(`${hub.url}/frontastic/action/hello/world`, { body: '{}' });
      expect(raw.json()).toEqual({ hello: 'world' });
      expect((await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } })).status).toBe(404);
    } finally {
      await hub.close();
    }
  });

  it('runs bundle.min.js as CommonJS even under a "type": "module" package, with its own relative requires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    writeFileSync(join(dir, 'helper.cjs'), 'exports.greeting = "from a sibling";');
    writeFileSync(
      join(dir, 'bundle.min.js'),
      'const { greeting } = require("./helper.cjs"); const { createHash } = require("node:crypto");\n' +
        'module.exports = { default: { actions: { hello: { world: () => ({ statusCode: 200, body: JSON.stringify({ greeting, hash: createHash("sha256").update(__filename).digest("hex").length }) }) } } } };',
    );
    const hub = await startTestHub({ bundle: join(dir, 'bundle.min.js'), pages: undefined });
    try {
      expect((await rawCall(`${hub.url}/frontastic/action/hello/world`, { body: '{}' })).json()).toEqual({ greeting: 'from a sibling', hash: 64 });
    } finally {
      await hub.close();
    }
  });

  it.each([
    ['a missing file', 'no-such-bundle.cjs', BundleLoadError, /does not exist; build it \(yarn build\) or point HUB_BUNDLE/],
    ['a syntax error', 'syntax-error-bundle.cjs', BundleLoadError, /failed to load: .*Unexpected end of input/],
    ['a bundle that throws while loading', 'throws-on-load-bundle.cjs', BundleLoadError, /failed to load: the bundle cannot start: missing configuration/],
    ['a bundle with no usable registry', 'empty-registry-bundle.cjs', BundleShapeError, /has no usable registry: .*Entries that are not functions: actions\.cart\.add \(string\), 'data-sources'\.0 \(object\)/],
  ])('refuses to start on %s with a clear error', async (_name, file, errorClass, message) => {
    const start = startTestHub({ bundle: `${FIXTURES}${file}` });
    await expect(start).rejects.toBeInstanceOf(errorClass);
    await expect(startTestHub({ bundle: `${FIXTURES}${file}` })).rejects.toThrow(message);
  });

  it('warns about default-export keys the platform ignores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, 'module.exports = { actions: { a: { b: () => ({ statusCode: 200, body: "" }) } }, schemas: [] };');
    const hub = await startTestHub({ bundle: file });
    try {
      expect(hub.logs.some((line) => line.level === 'warn' && line.fields['keys'] === 'schemas')).toBe(true);
    } finally {
      await hub.close();
    }
  });
});

describe('loading what the platform loads', () => {
  it('skips registry entries that are not functions (numeric keys of an Object.assign reduce) with one warning naming them', async () => {
    const hub = await startTestHub({ bundle: `${FIXTURES}registry-reduce-bundle.cjs`, pages: undefined });
    try {
      const status = (await rawCall(`${hub.url}/frontastic/status`, { method: 'GET' })).json() as { bundle: { actions: string[]; dataSources: string[] } };
      expect(status.bundle.actions).toEqual(['cart/getCart', 'content/page']);
      expect(status.bundle.dataSources).toEqual(['shop/products', 'shop/content']);
      const warnings = hub.logs.filter((line) => line.message.startsWith('bundle registry entries that are not functions were skipped'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.level).toBe('warn');
      expect(warnings[0]?.fields).toMatchObject({ entries: "actions.cart.mapper (object), 'data-sources'.0 (object), 'data-sources'.1 (object)", count: 3 });
      expect(hub.logs.some((line) => line.message.startsWith('bundle default export has keys the platform ignores') && line.fields['keys'] === '0,1')).toBe(true);
      expect((await rawCall(`${hub.url}/frontastic/action/cart/getCart`, { body: '{}' })).json()).toEqual({ cart: 'empty' });
      const skippedAction = await rawCall(`${hub.url}/frontastic/action/cart/mapper`, { body: '{}' });
      expect(skippedAction.status).toBe(404);
      expect(skippedAction.json()).toMatchObject({ code: 'ACTION_NOT_FOUND' });
      expect((await rawCall(`${hub.url}/frontastic/data-source/0`, { body: '{}' })).status).toBe(404);
    } finally {
      await hub.close();
    }
  });

  it.each([
    ['actions that are not an object', 'module.exports = { actions: "cart", "data-sources": { "a/b": () => ({ dataSourcePayload: 1 }) } };', 'actions (string)'],
    ['a namespace that is not an object', 'module.exports = { actions: { cart: null, ok: { go: () => ({ statusCode: 200, body: "" }) } } };', 'actions.cart (null)'],
    ['data sources that are an array', 'module.exports = { actions: { ok: { go: () => ({ statusCode: 200, body: "" }) } }, "data-sources": [] };', "'data-sources' (array)"],
    ['a dynamic page handler that is not a function', 'module.exports = { actions: { ok: { go: () => ({ statusCode: 200, body: "" }) } }, "dynamic-page-handler": {} };', "'dynamic-page-handler' (object)"],
  ])('skips %s and serves the rest', async (_name, source, entry) => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, source);
    const hub = await startTestHub({ bundle: file, pages: undefined });
    try {
      expect(hub.logs.find((line) => line.message.startsWith('bundle registry entries'))?.fields['entries']).toBe(entry);
    } finally {
      await hub.close();
    }
  });

  it.each([
    ['a default export that is not an object', 'module.exports = 42;', /must export \{ actions, 'data-sources', 'dynamic-page-handler' \} as its default export, got number/],
    ['an object with no registry key at all', 'module.exports = { hello: "world" };', /has no usable registry: its default export holds no action, data source or dynamic page handler function\. Export/],
    ['an empty registry', 'module.exports = { actions: {}, "data-sources": {} };', /has no usable registry/],
  ])('refuses %s', async (_name, source, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, source);
    await expect(startTestHub({ bundle: file })).rejects.toMatchObject({ code: 'BUNDLE_INVALID', message: expect.stringMatching(message) });
  });
});

describe('reloading in development', () => {
  it('picks up a rebuilt bundle, and keeps serving the last good one when a rebuild is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    const file = join(dir, 'bundle.min.js');
    writeFileSync(file, bundleSource('first'));
    const hub = await startTestHub({ bundle: file, watch: true, watchIntervalMs: 20, pages: undefined });
    const answer = async () => ((await rawCall(`${hub.url}/frontastic/action/hello/world`, { body: '{}' })).json() as { answer: string }).answer;
    try {
      expect(await answer()).toBe('first');
      writeFileSync(file, bundleSource('second, a longer answer'));
      await waitFor(async () => (await answer()) === 'second, a longer answer', 'the rebuilt bundle');
      expect(hub.bundleVersion).toBe(2);
      copyFileSync(`${FIXTURES}syntax-error-bundle.cjs`, file);
      await waitFor(async () => hub.logs.some((line) => line.message.startsWith('bundle reload failed')), 'the failed reload');
      expect(await answer()).toBe('second, a longer answer');
      expect(hub.bundleVersion).toBe(2);
    } finally {
      await hub.close();
    }
  }, 20_000);

  it('does not watch outside development unless asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bundle-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, bundleSource('fixed'));
    const logs: LogLine[] = [];
    const hub = await startHub({ bundle: file, port: 0, environment: 'staging', sessionSecrets: [SECRET_A], logger: captureLogger(logs), watchIntervalMs: 20 });
    try {
      writeFileSync(file, bundleSource('changed but not reloaded'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(hub.bundleVersion).toBe(1);
      expect(hub.reloadBundle()).toBe(true);
      expect(((await rawCall(`${hub.url}/frontastic/action/hello/world`, { body: '{}' })).json() as { answer: string }).answer).toBe('changed but not reloaded');
    } finally {
      await hub.close();
    }
  });
});

describe('start-up configuration', () => {
  it('refuses production without a secret, or with the development default', async () => {
    await expect(startTestHub({ environment: 'production', sessionSecrets: [] })).rejects.toMatchObject({ code: 'SESSION_SECRET_MISSING' });
    const { DEVELOPMENT_SESSION_SECRET } = await import('../src/index.js');
    await expect(startTestHub({ environment: 'production', sessionSecrets: [DEVELOPMENT_SESSION_SECRET] })).rejects.toMatchObject({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' });
  });

  it('labels the development default secret in the log and on /frontastic/status', async () => {
    const hub = await startTestHub({ sessionSecrets: undefined });
    try {
      expect(hub.usesDevelopmentSecret).toBe(true);
      expect(hub.logs.some((line) => line.level === 'warn' && line.message.includes('DEVELOPMENT default session secret'))).toBe(true);
      const status = (await rawCall(`${hub.url}/frontastic/status`, { method: 'GET' })).json() as { sessionSecret: string };
      expect(status.sessionSecret).toMatch(/^development-default/);
    } finally {
      await hub.close();
    }
  });

  it('refuses invalid options and project configuration', async () => {
    await expect(startTestHub({ timeoutMs: 0 })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
    await expect(startTestHub({ port: 70000 })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
    await expect(startTestHub({ projectConfiguration: { General: 'x' } as never })).rejects.toMatchObject({ code: 'PROJECT_CONFIGURATION_INVALID' });
    await expect(startTestHub({ projectConfiguration: { A: { same: 1 }, B: { same: 2 } } })).rejects.toThrow(/appears in more than one section/);
  });

  it('takes fields named like what every object inherits (constructor, toString, __proto__) as the fields they are', () => {
    // `field in flat` found Object.prototype's members: a field named constructor was "in more than one section".
    const fields = { constructor: 'c', toString: 't', hasOwnProperty: 'h' };
    const flat = flattenProjectConfiguration({ General: fields, Other: JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown> });
    expect(flat).toEqual({ ...fields, ['__proto__']: { polluted: true } });
    expect(Object.hasOwn(flat, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(() => flattenProjectConfiguration({ A: { constructor: 1 }, B: { constructor: 2 } })).toThrow(/field "constructor" appears in more than one section/);
  });

  it('reads its options from the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-env-'));
    writeFileSync(join(dir, 'project.json'), JSON.stringify({ General: { storeName: 'Env' } }));
    expect(
      hubOptionsFromEnv(
        {
          HUB_PORT: '9090',
          HUB_BUNDLE: 'b.cjs',
          HUB_PAGES: 'pages.json',
          HUB_ENVIRONMENT: 'staging',
          HUB_TIMEOUT_MS: '2500',
          HUB_BODY_LIMIT_BYTES: '4096',
          HUB_SESSION_SECRET: 'newest, older',
          HUB_CORS_ORIGINS: 'http://a.test, http://b.test',
          HUB_PROJECT_CONFIG: 'project.json',
          HUB_FEATURE_FLAGS: 'fast,!slow',
          HUB_WATCH: '0',
        },
        dir,
      ),
    ).toEqual({
      port: 9090,
      bundle: join(dir, 'b.cjs'),
      pages: join(dir, 'pages.json'),
      environment: 'staging',
      timeoutMs: 2500,
      bodyLimitBytes: 4096,
      sessionSecrets: ['newest', 'older'],
      corsOrigins: ['http://a.test', 'http://b.test'],
      projectConfiguration: { General: { storeName: 'Env' } },
      featureFlags: { fast: true, slow: false },
      watch: false,
    });
    expect(hubOptionsFromEnv({}, dir)).toEqual({ port: 8080 });
    expect(() => hubOptionsFromEnv({ HUB_PORT: 'eighty' }, dir)).toThrow(/HUB_PORT must be a number/);
    expect(() => hubOptionsFromEnv({ HUB_PROJECT_CONFIG: 'missing.json' }, dir)).toThrow(/not a readable JSON file/);
  });

  it.each([
    ['an unquoted value', '{ "commercetools": { "EXTENSION_COMMERCETOOLS_CLIENT_SECRET": s3cret-value-123 } }', /not valid JSON: an unexpected character \(it is not JSON\)/],
    ['a missing comma', '{ "smtp": { "EXTENSION_SMTP_PASSWORD": "s3cret-value-123" "x": 1 } }', /not valid JSON: Expected ',' or '}' after property value at line 1, column 59/],
    ['an unclosed string', '{ "smtp": {\n "EXTENSION_SMTP_PASSWORD": "s3cret-value-123', /not valid JSON: Unterminated string at line 2, column 46/],
    ['an early end', '{ "smtp": { "EXTENSION_SMTP_PASSWORD": ', /not valid JSON: it ends too early/],
  ])('a HUB_PROJECT_CONFIG file with %s names the place, never the text (it holds secrets)', (_name, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-env-'));
    writeFileSync(join(dir, 'config.json'), text);
    const error = (() => {
      try {
        hubOptionsFromEnv({ HUB_PROJECT_CONFIG: 'config.json' }, dir);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'PROJECT_CONFIGURATION_INVALID' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/s3cret/);
    expect((error as Error).cause).toBeUndefined();
  });
});
