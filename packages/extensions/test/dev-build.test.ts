// The incremental build of `yarn dev` (tools/dev) on a small project of its own in a temporary folder: esbuild's
// rebuild and the type check in their worker thread, driven by the paths a save changed, and the fingerprints that
// tell which registry entries a save changed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevBuilder, type DevBuild, type DevBuilder, type Fingerprints } from '../tools/dev/index.js';

const SOURCES = {
  'wrap.ts': `/** Every action is built here, as defineAction does in the real registry. */
export function defineAction(run: (body: string) => string): (request: { body?: string }) => { statusCode: number; body: string } {
  return (request) => ({ statusCode: 200, body: run(request.body ?? '') });
}
`,
  'cart.ts': `import { defineAction } from './wrap.js';

const LIMIT = 3;

export const getCart = defineAction(() => 'cart');
export const addToCart = defineAction((body) => body.slice(0, LIMIT));
export const updateLineItem = defineAction((body) => \`\${body.slice(0, LIMIT)}!\`);
`,
  'pages.ts': `export const pageHandler = (): null => null;
`,
  'index.ts': `import * as cart from './cart.js';
import { pageHandler } from './pages.js';

function one(): string {
  return 'one';
}

const registry = {
  actions: { cart: { getCart: cart.getCart, addToCart: cart.addToCart, updateLineItem: cart.updateLineItem } },
  'data-sources': {
    'shop/list': () => ({ dataSourcePayload: [] }),
    'shop/one': () => ({ dataSourcePayload: one() }),
  },
  'dynamic-page-handler': pageHandler,
};

export default registry;
`,
} as const;

let root: string;
let builder: DevBuilder;
const source = (name: string): string => join(root, 'src', name);

/** Saves a file and builds, as `yarn dev` does after a save. */
async function save(name: string, text: string): Promise<DevBuild> {
  writeFileSync(source(name), text);
  return builder.build([source(name)]);
}

async function fingerprintsOf(build: DevBuild): Promise<Fingerprints> {
  if (!build.ok) throw new Error(`the build failed: ${JSON.stringify(build.problems)}`);
  const fingerprints = await build.fingerprints;
  if (fingerprints === undefined) throw new Error('no fingerprints');
  return fingerprints;
}

const changedBetween = (before: Fingerprints, after: Fingerprints): string[] => Object.keys(after).filter((name) => before[name] !== after[name]);

let baseline: Fingerprints;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dev-build-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, types: [] } }),
  );
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(source(name), text);
  builder = await startDevBuilder(join(root, 'build', 'bundle.min.js'), { entry: source('index.ts'), tsconfig: join(root, 'tsconfig.json') });
  baseline = await fingerprintsOf(await builder.build([]));
}, 60_000);
afterAll(async () => {
  await builder?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Saves `text` over a source, builds, and puts the original back (building again), returning the changed entries. */
async function changedBy(name: keyof typeof SOURCES, text: string): Promise<string[]> {
  const build = await save(name, text);
  await save(name, SOURCES[name]);
  return changedBetween(baseline, await fingerprintsOf(build)).sort();
}

describe('a good build', () => {
  it('is the bundle and its source map, with a fingerprint for every action, data source and the page handler', async () => {
    const build = await builder.build([]);
    expect(build.ok).toBe(true);
    if (!build.ok) return;
    expect(build.code).toContain('module.exports');
    expect(JSON.parse(build.map)).toMatchObject({ version: 3 });
    expect(Object.keys(baseline).sort()).toEqual(['cart/addToCart', 'cart/getCart', 'cart/updateLineItem', 'data source shop/list', 'data source shop/one', 'dynamic page handler']);
  });
});

describe('what a save changed', () => {
  it("an edit inside one action's code changes that action only", async () => {
    expect(await changedBy('cart.ts', SOURCES['cart.ts'].replace("() => 'cart'", "() => 'the cart'"))).toEqual(['cart/getCart']);
  });

  it('a constant two actions read changes both, and nothing else', async () => {
    expect(await changedBy('cart.ts', SOURCES['cart.ts'].replace('LIMIT = 3', 'LIMIT = 4'))).toEqual(['cart/addToCart', 'cart/updateLineItem']);
  });

  it('the wrapper every action is built with changes every action, and no data source', async () => {
    expect(await changedBy('wrap.ts', SOURCES['wrap.ts'].replace('statusCode: 200', 'statusCode: 201'))).toEqual(['cart/addToCart', 'cart/getCart', 'cart/updateLineItem']);
  });

  it('a helper of one data source written in the registry changes that data source only', async () => {
    expect(await changedBy('index.ts', SOURCES['index.ts'].replace("return 'one';", "return 'the one';"))).toEqual(['data source shop/one']);
  });

  it('the page handler is followed into its own file', async () => {
    expect(await changedBy('pages.ts', 'export const pageHandler = (): null => { return null; };\n')).toEqual(['dynamic page handler']);
  });

  it('a type or a comment outside the code changes no fingerprint (the minified names may differ: esbuild counts characters)', async () => {
    expect(await changedBy('cart.ts', `${SOURCES['cart.ts']}\n/** A comment. */\nexport interface Unused {\n  readonly field: string;\n}\n`)).toEqual([]);
  });

  it('an entry added to the registry has a fingerprint of its own', async () => {
    const build = await save('index.ts', SOURCES['index.ts'].replace("'shop/list':", "'shop/new': () => ({ dataSourcePayload: 1 }),\n    'shop/list':"));
    await save('index.ts', SOURCES['index.ts']);
    expect(Object.keys(await fingerprintsOf(build)).filter((name) => baseline[name] === undefined)).toEqual(['data source shop/new']);
  });
});

describe('a save that does not build', () => {
  it('reports a type error with its file, line and column, and the next good save builds again', async () => {
    const build = await save('cart.ts', SOURCES['cart.ts'].replace("defineAction(() => 'cart')", 'defineAction(() => 42)'));
    expect(build).toMatchObject({ ok: false, kind: 'types', problems: [{ file: source('cart.ts'), line: 5, column: expect.any(Number), message: expect.stringMatching(/^TS2322: /) }] });
    expect((await save('cart.ts', SOURCES['cart.ts'])).ok).toBe(true);
  });

  it("reports a syntax error as esbuild says it (esbuild's, not TypeScript's), with its place", async () => {
    const build = await save('cart.ts', SOURCES['cart.ts'].replace("defineAction(() => 'cart');", "defineAction(() => 'cart';"));
    expect(build).toMatchObject({ ok: false, kind: 'syntax', problems: [{ file: source('cart.ts'), line: 5 }] });
    expect((await save('cart.ts', SOURCES['cart.ts'])).ok).toBe(true);
  });

  it('reports an import of a file that is not there yet, and builds once the file is created', async () => {
    const importing = `import { extra } from './extra.js';\n${SOURCES['pages.ts'].replace('=> null;', '=> (extra ? null : null);')}`;
    const missing = await save('pages.ts', importing);
    expect(missing).toMatchObject({ ok: false, problems: [{ file: source('pages.ts'), line: 1 }] });
    writeFileSync(source('extra.ts'), 'export const extra = true;\n');
    const created = await builder.build([source('extra.ts')]);
    expect(created.ok).toBe(true);
    unlinkSync(source('extra.ts'));
    const deleted = await builder.build([source('extra.ts')]);
    expect(deleted).toMatchObject({ ok: false, problems: [{ file: source('pages.ts'), line: 1 }] });
    expect((await save('pages.ts', SOURCES['pages.ts'])).ok).toBe(true);
  });

  it('has no fingerprints when the registry cannot be followed, and still builds', async () => {
    const build = await save('index.ts', `${SOURCES['index.ts'].replace('export default registry;', 'export default Object.assign({}, registry);')}`);
    await save('index.ts', SOURCES['index.ts']);
    expect(build.ok).toBe(true);
    expect(build.ok && (await build.fingerprints)).toBeUndefined();
  });
});
