// What `yarn dev` prints about a swap: which registry entries changed, and where a bundle threw while it loaded
// (a real hub loading a real esbuild bundle with its source map).
import { afterAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleShapeError, startHub } from '@ctp-session/hub';
import { bundleLoadProblem } from '../src/bundleLoadProblem.js';
import { describeBundleChanges } from '../src/bundleChanges.js';
import { problemLines } from '../src/sourceProblems.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('describeBundleChanges', () => {
  const before = { 'cart/getCart': 'a', 'cart/addToCart': 'b', 'data source shop/list': 'c', 'dynamic page handler': 'd' };
  it('names what changed, was added and was removed', () => {
    expect(describeBundleChanges(before, { ...before, 'cart/addToCart': 'B' })).toBe('cart/addToCart changed');
    expect(describeBundleChanges(before, { ...before, 'cart/getCart': 'A', 'dynamic page handler': 'D', 'cart/wishlist': 'e' })).toBe('cart/getCart, dynamic page handler changed; cart/wishlist added');
    const { 'data source shop/list': _gone, ...rest } = before;
    expect(describeBundleChanges(before, rest)).toBe('data source shop/list removed');
  });

  it('says when nothing the registry runs changed, and when it cannot tell', () => {
    expect(describeBundleChanges(before, before)).toBe('no action, data source or page handler changed (code they do not use)');
    expect(describeBundleChanges(undefined, before)).toMatch(/^which actions and data sources changed is not known/);
    expect(describeBundleChanges(before, undefined)).toMatch(/^which actions and data sources changed is not known/);
  });

  it('names six and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`ns/a${index}`, 'x']));
    const changed = Object.fromEntries(Object.keys(many).map((name) => [name, 'y']));
    expect(describeBundleChanges(many, changed)).toBe('ns/a0, ns/a1, ns/a2, ns/a3, ns/a4, ns/a5 and 3 more changed');
  });
});

describe('bundleLoadProblem', () => {
  it('places an error thrown while the bundle loads in the source file that threw, through the source map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-problem-'));
    folders.push(dir);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    writeFileSync(join(dir, 'src', 'good.ts'), 'export default { actions: { a: { b: () => ({ statusCode: 200, body: "{}" }) } } };\n');
    writeFileSync(join(dir, 'src', 'config.ts'), 'const setting: string | undefined = undefined;\n\nexport const limit = Number(setting ?? "12");\nif (limit > 10) {\n  throw new RangeError(`limit ${limit} is too high`);\n}\n');
    writeFileSync(join(dir, 'src', 'bad.ts'), 'import { limit } from "./config";\nexport default { actions: { a: { b: () => ({ statusCode: 200, body: String(limit) }) } } };\n');
    const file = join(dir, 'bundle.min.js');
    const bundle = async (entry: string): Promise<void> => {
      await build({ entryPoints: [join(dir, 'src', entry)], outfile: file, bundle: true, platform: 'node', format: 'cjs', minify: true, sourcemap: 'external', logLevel: 'silent' });
    };
    await bundle('good.ts');
    const hub = await startHub({ bundle: file, port: 0, watch: false, logger: { log: () => undefined } });
    try {
      await bundle('bad.ts');
      const swap = hub.swapBundle();
      if (swap.swapped) throw new Error('the bundle should not have loaded');
      const problem = bundleLoadProblem(swap.error, file, readFileSync(`${file}.map`, 'utf8'));
      expect(problem).toEqual({ file: join(dir, 'src', 'config.ts'), line: 5, column: 9, message: 'RangeError: limit 12 is too high (the bundle threw while it loaded)' });
      expect(problemLines([problem], dir)).toEqual(['src/config.ts:5:9: RangeError: limit 12 is too high (the bundle threw while it loaded)']);
    } finally {
      await hub.close();
    }
  });

  it('has no place for a bundle of the wrong shape, only the hub’s message', () => {
    const error = new BundleShapeError('bundle.min.js has no usable registry.');
    expect(bundleLoadProblem(error, '/x/bundle.min.js', '{}')).toEqual({ file: undefined, line: 1, column: 1, message: 'bundle.min.js has no usable registry.' });
  });

  it('falls back to the bundle’s own line and column when the source map does not parse', () => {
    const cause = new Error('boom');
    cause.stack = 'Error: boom\n    at Object.<anonymous> (/x/bundle.min.js:1:345)';
    const error = new BundleShapeError('failed');
    Object.defineProperty(error, 'cause', { value: cause });
    expect(bundleLoadProblem(error, '/x/bundle.min.js', 'not a map')).toEqual({ file: '/x/bundle.min.js', line: 1, column: 345, message: 'Error: boom (the bundle threw while it loaded)' });
  });
});

describe('problemLines', () => {
  it('prints path:line:column from the root, a long message’s further lines indented, at most ten problems', () => {
    const problems = Array.from({ length: 12 }, (_, index) => ({ file: `/repo/src/f${index}.ts`, line: index + 1, column: 2, message: index === 0 ? 'first line\nsecond line' : 'bad' }));
    const lines = problemLines(problems, '/repo');
    expect(lines.slice(0, 3)).toEqual(['src/f0.ts:1:2: first line', '  second line', 'src/f1.ts:2:2: bad']);
    expect(lines.at(-1)).toBe('… and 2 more');
    expect(problemLines([{ file: undefined, line: 1, column: 1, message: 'no place' }], '/repo')).toEqual(['no place']);
  });
});
