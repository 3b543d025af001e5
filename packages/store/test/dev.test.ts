// `yarn dev` as a developer meets it, as a process in a copy of the workspace whose sources the test edits (the real
// packages are never written): a shopper of the real frontend-sdk and a Chromium tab, edits to an action, a tastic,
// a schema.json and the pages file, mistakes of each kind, a restart and Ctrl-C.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { call, createBrowser, createSdk, dataOf, type SDK } from '@ctp-session/hub/testing';
import { launchBrowser } from '../../frontend/tools/chromium.js';
import { newestMtime } from '../src/freshness.js';
import { REPO_ROOT } from '../src/paths.js';
import { isPortFree } from '../src/ports.js';
import { copyWorkspace, type WorkspaceCopy } from '../src/workspaceCopy.js';
import { freePorts, startCli, stopCli, type RunningCli } from './support/cli.js';
import { processesLeftUnder } from './support/processes.js';

// The first start compiles the first page with Turbopack, on two cores other test files share.
const START_MS = 240_000;
/** A swap, a check or a Fast Refresh: fast, but the machine is shared. */
const LIVE_MS = 60_000;

const testStarted = Date.now();
let copy: WorkspaceCopy;
let ports: Awaited<ReturnType<typeof freePorts>>;
let dataDir: string;
let cli: RunningCli | undefined;
let browser: Browser | undefined;
const shopper = createBrowser();
let sdk: SDK;

const inCopy = (path: string): string => join(copy.root, path);
const CART_ACTIONS = 'packages/extensions/src/actions/cart.ts';
const SHOW_CART_ID = 'packages/frontend/tastics/example/show-cart-id/index.tsx';
const SHOW_CART_ID_SCHEMA = 'packages/frontend/tastics/example/show-cart-id/schema.json';
const PAGES = 'packages/frontend/studio/pages.json';
const PROJECT = 'packages/frontend/studio/project.yml';
const GET_CART_ANSWER = 'return { body: cart === undefined ? emptyCart() : mapCart(cart, scope.locale) };';
/** The mark of the getCart that serves now. */
let served = '';

/** Replaces `from` with `to` in a file of the copy, as an editor's save does. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(inCopy(path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(inCopy(path), text.replace(from, to));
}

/** getCart answering with a mark, so the test can tell which bundle served it. */
const markedGetCart = (mark: string): string => `return { body: { ...(cart === undefined ? emptyCart() : mapCart(cart, scope.locale)), servedBy: ${JSON.stringify(mark)} } };`;

interface CartAnswer {
  id: string | null;
  lineItems: Array<{ sku: string; quantity: number }>;
  servedBy?: string;
}

const cartNow = async (): Promise<CartAnswer> => dataOf(await call<CartAnswer>(sdk, shopper, 'cart/getCart', {}));
const accountNow = async (): Promise<{ loggedIn: boolean; customer?: { email: string } }> => dataOf(await call(sdk, shopper, 'account/getAccount', {}));

/** A `yarn dev` of the copy; one left running by a test that failed (or was filtered out) is stopped first. */
async function startDev(): Promise<RunningCli> {
  await stopCli(cli);
  cli = startCli({ ...ports, STORE_DATA_DIR: dataDir }, ['--dev'], copy.root);
  return cli;
}

/**
 * Ctrl-C, then what must hold: the exit code (0 serving, 130 starting), everything said stopped, no process of the copy,
 * no lock, every port free.
 */
async function stopAndCheck(running: RunningCli, code = 0): Promise<void> {
  running.child.kill('SIGINT');
  expect(await running.exited).toEqual({ code, signal: null });
  expect(running.output()).toContain('Stopped everything the store had started.');
  expect(await processesLeftUnder(copy.root)).toEqual([]);
  expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
  for (const port of Object.values(ports)) expect(await isPortFree(Number(port))).toBe(true);
}

beforeAll(async () => {
  copy = copyWorkspace();
  ports = await freePorts();
  dataDir = inCopy('.store');
  cli = await startDev();
  await cli.waitFor(/The store is running at .* for development/, START_MS);
  sdk = createSdk(`http://127.0.0.1:${ports.HUB_PORT}`);
  browser = await launchBrowser();
}, START_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await stopCli(cli);
  copy?.remove();
}, 60_000);

describe('yarn dev', () => {
  it('starts through the same steps as yarn start, with the incremental bundle and next dev instead of the production builds', () => {
    const output = cli?.output() ?? '';
    expect(output).toMatch(/✓ extensions bundle \(incremental, type-checked\): built \(\d+ KiB\) and type-checked in /);
    expect(output).toMatch(/✓ frontend server \(next dev, Turbopack\): at http:\/\/127\.0\.0\.1:\d+ in /);
    for (const step of ['commerce backend', 'API hub']) expect(output).toMatch(new RegExp(`✓ ${step}: .+ in \\d`));
    expect(output).not.toContain('next build');
    expect(output).toContain(`data: ${dataDir} (kept across restarts; \`yarn dev --fresh\` starts from the seed)`);
  });

  it("serves an edited action from the next call, with one line naming it, and the shopper's session and cart intact", async () => {
    dataOf(await call(sdk, shopper, 'account/login', { email: 'demo@example.com', password: 'demo-password' }));
    dataOf(await call(sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01', count: 2 }));
    const before = await cartNow();
    expect(before.servedBy).toBeUndefined();

    const mark = cli?.output().length ?? 0;
    edit(CART_ACTIONS, GET_CART_ANSWER, markedGetCart('the first edit'));
    expect(await cli?.waitFor(/bundle reloaded in/, LIVE_MS, mark)).toMatch(/^\[store\] bundle reloaded in \d+ ms: cart\/getCart changed$/);

    const after = await cartNow();
    expect(after.servedBy).toBe('the first edit');
    served = 'the first edit';
    expect(after.id).toBe(before.id);
    expect(after.lineItems).toEqual(before.lineItems);
    expect(await accountNow()).toMatchObject({ loggedIn: true, customer: { email: 'demo@example.com' } });
  });

  it.each([
    ['a type error', (text: string): string => text.replace(`servedBy: ${JSON.stringify(served)}`, 'servedBy: "x", count: "x" as number'), 'a type error', /TS2352: Conversion of type 'string' to type 'number'/],
    ['a syntax error', (text: string): string => text.replace(markedGetCart(served), markedGetCart(served).replace('} };', '} ;')), 'the sources do not build', /Expected "}" but found ";"/],
    ['a bundle that throws while loading', (text: string): string => `${text}\nif (typeof process === 'object') throw new Error('the bundle refuses to load');\n`, 'it threw while loading', /Error: the bundle refuses to load \(the bundle threw while it loaded\)/],
  ])('keeps the previous bundle serving after %s, printed once with file:line:column; the next good save swaps in', async (what, broken, why, message) => {
    const original = readFileSync(inCopy(CART_ACTIONS), 'utf8');
    const mark = cli?.output().length ?? 0;
    writeFileSync(inCopy(CART_ACTIONS), broken(original));
    await cli?.waitFor(new RegExp(`✗ bundle not reloaded, the previous one keeps serving: ${why}$`), LIVE_MS, mark);
    const place = await cli?.waitFor(/^\[store\] {3}packages\/extensions\/src\/actions\/cart\.ts:\d+:\d+: /, LIVE_MS, mark);
    expect(place).toMatch(message);
    expect((await cartNow()).servedBy).toBe(served);

    // Saved again, still broken: one short line, not the error again.
    const again = cli?.output().length ?? 0;
    writeFileSync(inCopy(CART_ACTIONS), `${broken(original)}\n// saved again\n`);
    await cli?.waitFor(/✗ bundle not reloaded: still /, LIVE_MS, again);
    expect(cli?.output().slice(mark).split('\n').filter((line) => line === place)).toHaveLength(1);

    const fixed = cli?.output().length ?? 0;
    const next = `fixed after ${what}`;
    writeFileSync(inCopy(CART_ACTIONS), original.replace(markedGetCart(served), markedGetCart(next)));
    expect(await cli?.waitFor(/bundle reloaded in/, LIVE_MS, fixed)).toMatch(/bundle reloaded in \d+ ms: cart\/getCart changed$/);
    expect((await cartNow()).servedBy).toBe(next);
    served = next;
  });

  it('says so when a save brings the sources back to the bundle that kept serving', async () => {
    const original = readFileSync(inCopy(CART_ACTIONS), 'utf8');
    const mark = cli?.output().length ?? 0;
    writeFileSync(inCopy(CART_ACTIONS), original.replace(markedGetCart(served), markedGetCart(served).replace('} };', '} ;')));
    await cli?.waitFor(/✗ bundle not reloaded, the previous one keeps serving: the sources do not build$/, LIVE_MS, mark);
    writeFileSync(inCopy(CART_ACTIONS), original);
    await cli?.waitFor(/✓ the sources build again: they are the bundle that kept serving$/, LIVE_MS, mark);
    expect((await cartNow()).servedBy).toBe(served);
  });

  it('shows an edited tastic in the open page through Fast Refresh, without reloading it', async () => {
    const page: Page = await (browser as Browser).newPage();
    try {
      await page.goto(`http://127.0.0.1:${ports.PORT}/`);
      await page.waitForSelector('[data-testid="show-cart-id"]', { timeout: LIVE_MS });
      expect(await page.textContent('[data-testid="show-cart-id"]')).toContain('No cart Id available.');
      // Gone if the page were loaded again.
      // (Expressions as text: this package's TypeScript has no DOM.)
      await page.evaluate("window.devTestMark = 'the same page'");
      edit(SHOW_CART_ID, 'No cart Id available. Add a product to the cart first.', 'Nothing in the cart yet: edited while the page was open.');
      await page.waitForFunction(`document.querySelector('[data-testid="show-cart-id"]')?.textContent?.includes('edited while the page was open')`, undefined, { timeout: LIVE_MS });
      expect(await page.evaluate('window.devTestMark')).toBe('the same page');
    } finally {
      await page.close();
    }
  });

  it("validates a tastic's saved schema.json and says what is wrong, then that everything agrees again", async () => {
    const original = readFileSync(inCopy(SHOW_CART_ID_SCHEMA), 'utf8');
    const mark = cli?.output().length ?? 0;
    edit(SHOW_CART_ID_SCHEMA, '"type": "dataSource"', '"type": "dataSourc"');
    await cli?.waitFor(/✗ Studio check \(packages\/frontend\/tastics\/example\/show-cart-id\/schema\.json\): \d+ problems?$/, LIVE_MS, mark);
    await cli?.waitFor(/packages\/frontend\/tastics\/example\/show-cart-id\/schema\.json\.schema\[0\]\.fields\[0\] \(cartId\) has unknown field type "dataSourc"/, LIVE_MS, mark);

    const broken = cli?.output().length ?? 0;
    edit(SHOW_CART_ID_SCHEMA, '"name": "Show cart id",', '"name": "Show cart id",,');
    await cli?.waitFor(/packages\/frontend\/tastics\/example\/show-cart-id\/schema\.json:3:\d+: not valid JSON/, LIVE_MS, broken);

    const fixed = cli?.output().length ?? 0;
    writeFileSync(inCopy(SHOW_CART_ID_SCHEMA), original);
    await cli?.waitFor(/✓ Studio check: schemas, tastic registry and pages agree \(packages\/frontend\/tastics\/example\/show-cart-id\/schema\.json\)/, LIVE_MS, fixed);
  });

  it('keeps the previous pages serving when the pages file breaks, says where, and reloads it once fixed', async () => {
    const original = readFileSync(inCopy(PAGES), 'utf8');
    const page = async (path: string): Promise<number> => (await fetch(`http://127.0.0.1:${ports.HUB_PORT}/frontastic/page`, { method: 'POST', headers: { 'Frontastic-Path': path, 'Frontastic-Locale': 'en_US' } })).status;
    const mark = cli?.output().length ?? 0;
    writeFileSync(inCopy(PAGES), original.replace('"pageFolders"', '"pageFolders",'));
    await cli?.waitFor(/✗ pages not reloaded, the previous ones keep serving:/, LIVE_MS, mark);
    await cli?.waitFor(/^\[store\] {3}packages\/frontend\/studio\/pages\.json:\d+:\d+: .*not valid JSON/, LIVE_MS, mark);
    expect(await page('/rewards')).toBe(200);

    const fixed = cli?.output().length ?? 0;
    writeFileSync(inCopy(PAGES), original.replace('"path": "/rewards"', '"path": "/points"'));
    await cli?.waitFor(/pages reloaded: \d+ page folders \(packages\/frontend\/studio\/pages\.json\)/, LIVE_MS, fixed);
    expect(await page('/points')).toBe(200);
    expect(await page('/rewards')).toBe(404);
    writeFileSync(inCopy(PAGES), original);
    await cli?.waitFor(/✓ Studio check: .*\(packages\/frontend\/studio\/pages\.json\)/, LIVE_MS, fixed);
  });

  it('gives extensions the saved project file at once; a broken one leaves the previous project in use, said with its line', async () => {
    const original = readFileSync(inCopy(PROJECT), 'utf8');
    const germanPage = async (): Promise<number> => (await fetch(`http://127.0.0.1:${ports.HUB_PORT}/frontastic/page`, { method: 'POST', headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'de_DE' } })).status;
    expect(await germanPage()).toBe(400);
    const mark = cli?.output().length ?? 0;
    writeFileSync(inCopy(PROJECT), original.replace('languages: [en_US]', 'languages: [en_US, de_DE]'));
    await cli?.waitFor(/project reloaded: local, locales en_US, de_DE \(packages\/frontend\/studio\/project\.yml\)/, LIVE_MS, mark);
    expect(await germanPage()).toBe(200);

    const broken = cli?.output().length ?? 0;
    writeFileSync(inCopy(PROJECT), original.replace('languages: [en_US]', 'languages: [en_US, de_DE'));
    await cli?.waitFor(/✗ project not reloaded, the previous one stays in use:/, LIVE_MS, broken);
    await cli?.waitFor(/^\[store\] {3}packages\/frontend\/studio\/project\.yml:\d+:\d+: .*not valid YAML/, LIVE_MS, broken);
    expect(await germanPage()).toBe(200);

    const fixed = cli?.output().length ?? 0;
    writeFileSync(inCopy(PROJECT), original);
    await cli?.waitFor(/project reloaded: local, locales en_US \(/, LIVE_MS, fixed);
    expect(await germanPage()).toBe(400);
  });

  it('stops everything on Ctrl-C, and a restart keeps the shopper signed in with the same cart and the edited action', async () => {
    const before = await cartNow();
    await stopAndCheck(cli as RunningCli);
    cli = await startDev();
    await cli.waitFor(/The store is running at .* for development/, START_MS);
    expect(await accountNow()).toMatchObject({ loggedIn: true, customer: { email: 'demo@example.com' } });
    const after = await cartNow();
    expect(after).toMatchObject({ id: before.id, lineItems: before.lineItems, servedBy: served });
    await stopAndCheck(cli);
  }, START_MS + 60_000);

  it('restarts with sources that do not type-check: says why, serves the last good bundle (kept with the data) until a good save', async () => {
    const original = readFileSync(inCopy(CART_ACTIONS), 'utf8');
    writeFileSync(inCopy(CART_ACTIONS), original.replace(`servedBy: ${JSON.stringify(served)}`, 'servedBy: "x", count: "x" as number'));
    cli = await startDev();
    await cli.waitFor(/The store is running at .* for development/, START_MS);
    expect(cli.output()).toMatch(/✓ extensions bundle \(incremental, type-checked\): the sources do not build yet: the last good bundle \(of an earlier `yarn dev`\) serves until a save builds in /);
    expect(cli.output()).toMatch(/\[store\] +packages\/extensions\/src\/actions\/cart\.ts:\d+:\d+: TS2352: /);
    expect((await cartNow()).servedBy).toBe(served);

    const fixed = cli.output().length;
    const next = 'fixed after a restart';
    writeFileSync(inCopy(CART_ACTIONS), original.replace(markedGetCart(served), markedGetCart(next)));
    // What the kept bundle was built from is not known: the line says so instead of naming entries.
    expect(await cli.waitFor(/bundle reloaded in/, LIVE_MS, fixed)).toMatch(/bundle reloaded in \d+ ms: which actions and data sources changed is not known/);
    expect((await cartNow()).servedBy).toBe(next);
    served = next;
    await stopAndCheck(cli);
  }, START_MS + 60_000);

  it('restarts with sources whose bundle throws while loading: says where, and the last good bundle serves', async () => {
    const original = readFileSync(inCopy(CART_ACTIONS), 'utf8');
    writeFileSync(inCopy(CART_ACTIONS), `${original}\nif (typeof process === 'object') throw new Error('the bundle refuses to load');\n`);
    cli = await startDev();
    await cli.waitFor(/The store is running at .* for development/, START_MS);
    expect(cli.output()).toContain('✗ the extensions bundle threw while loading:');
    expect(cli.output()).toMatch(/\[store\] {3}packages\/extensions\/src\/actions\/cart\.ts:\d+:\d+: Error: the bundle refuses to load \(the bundle threw while it loaded\)/);
    expect((await cartNow()).servedBy).toBe(served);
    writeFileSync(inCopy(CART_ACTIONS), original);
    await stopAndCheck(cli);
  }, START_MS + 60_000);

  it('refuses to start on sources that do not build when no earlier bundle was kept: the error with its place, nothing left', async () => {
    const original = readFileSync(inCopy(CART_ACTIONS), 'utf8');
    writeFileSync(inCopy(CART_ACTIONS), original.replace(markedGetCart(served), markedGetCart(served).replace('} };', '} ;')));
    const freshData = inCopy('.store-never-built');
    await stopCli(cli);
    cli = startCli({ ...ports, STORE_DATA_DIR: freshData }, ['--dev'], copy.root);
    try {
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.output()).toMatch(/The store could not start: The extensions bundle failed\. Its last output:\npackages\/extensions\/src\/actions\/cart\.ts:\d+:\d+: Expected "}" but found ";"/);
      expect(await processesLeftUnder(copy.root)).toEqual([]);
      expect(existsSync(join(freshData, 'store.lock'))).toBe(false);
    } finally {
      writeFileSync(inCopy(CART_ACTIONS), original);
    }
  }, START_MS);

  it.each([
    ['while the bundle builds', /▸ extensions bundle \(incremental, type-checked\)…/],
    ['while next dev starts', /▸ frontend server \(next dev, Turbopack\)…/],
  ])('answers with the starting page and stops everything on Ctrl-C %s: nothing left running, no lock', async (_when, step) => {
    cli = await startDev();
    await cli.waitFor(step, START_MS);
    // yarn start's port rule: the store's address answers from the first moment.
    const starting = await fetch(`http://127.0.0.1:${ports.PORT}/`, { headers: { accept: 'application/json' } });
    expect(starting.status).toBe(503);
    expect(await starting.json()).toMatchObject({ status: 'starting', part: 'the store' });
    await stopAndCheck(cli, 130);
  }, START_MS);

  it('never wrote into the real packages', () => {
    const sources = ['extensions/src', 'session/src', 'frontend/tastics', 'frontend/studio', 'frontend/app'].map((path) => join(REPO_ROOT, 'packages', path));
    expect(newestMtime(sources)).toBeLessThan(testStarted);
    const realDevBuild = join(REPO_ROOT, 'packages', 'frontend', '.next', 'dev');
    if (existsSync(realDevBuild)) expect(statSync(realDevBuild).mtimeMs).toBeLessThan(testStarted);
  });
});
