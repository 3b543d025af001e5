// swapBundle(), reloadPages() and reloadProject(): what `yarn dev` drives on every save. Requests already running finish on the
// bundle they started on; the next ones get the new bundle; a broken bundle or pages file changes nothing.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { rawCall } from './support/raw-call.js';
import { FIXTURES, startTestHub, type TestHub } from './support/start-test-hub.js';

/**
 * A gated call asks this server and waits for its answer, which comes when the test opens the gate. (A server, not
 * a shared promise: the bundle runs in Node's own context, not in the test's.)
 */
interface Gate {
  readonly url: string;
  /** Resolves when a gated call has started and waits. */
  readonly entered: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

async function startGate(): Promise<Gate> {
  let enter = (): void => undefined;
  let open = (): void => undefined;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  const server = createServer((_request, response) => {
    enter();
    void opened.then(() => response.end('open'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    entered,
    open,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Each bundle of a test says which one it is; with a gate, the gated action and the page handler wait at it. */
const bundleSource = (name: string, gateUrl = ''): string => `
const gate = async () => { if (${JSON.stringify(gateUrl)} === '') return false; await (await fetch(${JSON.stringify(gateUrl)})).text(); return true; };
module.exports = { default: {
  actions: {
    hello: {
      world: () => ({ statusCode: 200, body: JSON.stringify({ bundle: ${JSON.stringify(name)} }) }),
      gated: async () => { await gate(); return { statusCode: 200, body: JSON.stringify({ bundle: ${JSON.stringify(name)} }) }; },
      project: async (request, { frontasticContext }) => { if (request.query.gated === '1') await gate(); return { statusCode: 200, body: JSON.stringify({ projectId: frontasticContext.project.projectId, locales: frontasticContext.project.locales }) }; },
    },
  },
  'data-sources': { 'test/which': () => ({ dataSourcePayload: { bundle: ${JSON.stringify(name)} } }) },
  'dynamic-page-handler': async () => { if (!(await gate())) return null; return { dynamicPageType: 'test/gated', dataSourcePayload: { bundle: ${JSON.stringify(name)} } }; },
} };
`;

const PAGES = {
  pageFolders: [
    {
      pageFolderId: 'gated',
      dynamicPageType: 'test/gated',
      dataSourceConfigurations: [{ dataSourceId: 'which', type: 'test/which', configuration: {} }],
      page: { pageId: 'gated-page', sections: { main: { sectionId: 'main', layoutElements: [{ layoutElementId: 'l', tastics: [{ tasticId: 't', tasticType: 'test/show', configuration: { which: { dataSourceId: 'which' } } }] }] } } },
    },
  ],
};

let dir: string | undefined;
let hub: TestHub | undefined;
let gate: Gate | undefined;
afterEach(async () => {
  gate?.open();
  await hub?.close();
  await gate?.close();
  hub = undefined;
  gate = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const PROJECT = 'projectId: first\nlanguages: [en_US]\n';

async function started(gated = false): Promise<{ hub: TestHub; bundle: string; pages: string; project: string }> {
  dir = mkdtempSync(join(tmpdir(), 'hub-swap-'));
  const bundle = join(dir, 'bundle.min.js');
  const pages = join(dir, 'pages.json');
  const project = join(dir, 'project.yml');
  if (gated) gate = await startGate();
  writeFileSync(bundle, bundleSource('first', gate?.url));
  writeFileSync(pages, JSON.stringify(PAGES));
  writeFileSync(project, PROJECT);
  hub = await startTestHub({ bundle, pages, project, watch: false });
  return { hub, bundle, pages, project };
}

const answerOf = async (url: string, action = 'world'): Promise<unknown> => (await rawCall(`${url}/frontastic/action/hello/${action}`, { body: '{}' })).json();

describe('swapBundle()', () => {
  it('serves the new bundle from the next call, says so in its result and logs nothing', async () => {
    const { hub, bundle } = await started();
    writeFileSync(bundle, bundleSource('second'));
    expect(hub.swapBundle()).toEqual({ swapped: true, version: 2 });
    expect(hub.bundleVersion).toBe(2);
    expect(await answerOf(hub.url)).toEqual({ bundle: 'second' });
    expect(hub.logs.filter((line) => line.message.includes('bundle reload'))).toEqual([]);
  });

  it.each([
    ['a syntax error', 'syntax-error-bundle.cjs', 'BUNDLE_LOAD_FAILED'],
    ['a bundle that throws while loading', 'throws-on-load-bundle.cjs', 'BUNDLE_LOAD_FAILED'],
    ['an empty registry', 'empty-registry-bundle.cjs', 'BUNDLE_INVALID'],
  ])('keeps the previous bundle serving after %s, and hands back the error', async (_what, fixture, code) => {
    const { hub, bundle } = await started();
    copyFileSync(join(FIXTURES, fixture), bundle);
    const swap = hub.swapBundle();
    expect(swap).toMatchObject({ swapped: false, error: { code } });
    expect(hub.bundleVersion).toBe(1);
    expect(await answerOf(hub.url)).toEqual({ bundle: 'first' });
    expect(hub.logs.filter((line) => line.message.includes('bundle reload'))).toEqual([]);
  });

  it('hands back the error of a bundle that is missing', async () => {
    const { hub, bundle } = await started();
    rmSync(bundle);
    expect(hub.swapBundle()).toMatchObject({ swapped: false, error: { code: 'BUNDLE_LOAD_FAILED' } });
    expect(await answerOf(hub.url)).toEqual({ bundle: 'first' });
  });

  it('keeps the original error as the cause, with its stack, so a caller can say where the bundle threw', async () => {
    const { hub, bundle } = await started();
    copyFileSync(join(FIXTURES, 'throws-on-load-bundle.cjs'), bundle);
    const swap = hub.swapBundle();
    if (swap.swapped) throw new Error('the swap should have failed');
    expect((swap.error.cause as Error).stack).toContain(bundle);
  });

  it('lets an action that was running during the swap finish on the bundle it started on', async () => {
    const { hub, bundle } = await started(true);
    const running = answerOf(hub.url, 'gated');
    await gate?.entered;
    writeFileSync(bundle, bundleSource('second'));
    expect(hub.swapBundle()).toMatchObject({ swapped: true });
    expect(await answerOf(hub.url)).toEqual({ bundle: 'second' });
    gate?.open();
    expect(await running).toEqual({ bundle: 'first' });
  });

  it('renders a page that was running during the swap with the bundle it started on: its data sources too', async () => {
    const { hub, bundle } = await started(true);
    const page = rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/p/1', 'Frontastic-Locale': 'en_US' } });
    await gate?.entered;
    writeFileSync(bundle, bundleSource('second'));
    expect(hub.swapBundle()).toMatchObject({ swapped: true });
    gate?.open();
    const data = ((await page).json() as { data: { dataSources: Record<string, unknown> } }).data.dataSources;
    expect(data).toEqual({ __master: { bundle: 'first' }, which: { bundle: 'first' } });
  });
});

describe('reloadPages()', () => {
  it('serves the edited pages at once and says how many folders there are', async () => {
    const { hub, pages } = await started();
    writeFileSync(pages, JSON.stringify({ pageFolders: [...PAGES.pageFolders, { pageFolderId: 'home', path: '/', page: { pageId: 'home', sections: {} } }] }));
    expect(hub.reloadPages()).toEqual({ reloaded: true, pageFolders: 2 });
    expect((await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } })).status).toBe(200);
  });

  it.each([
    ['JSON that does not parse', '{ "pageFolders": [ }', /is not valid JSON/],
    ['a folder without an id', JSON.stringify({ pageFolders: [{ path: '/', page: { pageId: 'p', sections: {} } }] }), /pageFolderId/],
  ])('keeps the previous pages after %s, and hands back the error', async (_what, text, message) => {
    const { hub, pages } = await started();
    writeFileSync(pages, text);
    expect(hub.reloadPages()).toMatchObject({ reloaded: false, error: { code: 'PAGES_FILE_INVALID', message: expect.stringMatching(message) } });
    expect((await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } })).status).toBe(404);
    expect(hub.logs.filter((line) => line.message.includes('pages file'))).toEqual([]);
  });

  it('keeps the previous pages when the file is gone', async () => {
    const { hub, pages } = await started();
    rmSync(pages);
    expect(hub.reloadPages()).toMatchObject({ reloaded: false, error: { code: 'PAGES_FILE_INVALID', message: expect.stringMatching(/cannot be read/) } });
  });
});

describe('reloadProject()', () => {
  const projectOf = async (url: string, query = ''): Promise<unknown> => (await rawCall(`${url}/frontastic/action/hello/project${query}`, { body: '{}' })).json();

  it('gives extensions the edited project from the next call, and says which', async () => {
    const { hub, project } = await started();
    writeFileSync(project, 'projectId: second\nlanguages: [en_US, de_DE]\n');
    expect(hub.reloadProject()).toEqual({ reloaded: true, projectId: 'second', locales: ['en_US', 'de_DE'] });
    expect(await projectOf(hub.url)).toEqual({ projectId: 'second', locales: ['en_US', 'de_DE'] });
    // Pages check the project's locales: the new one is accepted at once.
    expect((await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/p/1', 'Frontastic-Locale': 'de_DE' } })).status).toBe(404);
  });

  it.each([
    ['YAML that does not parse', 'projectId: [second\n', 'PROJECT_FILE_INVALID', /is not valid YAML: .* at line \d+, column \d+/],
    ['a field of the wrong type', 'projectId: 42\n', 'PROJECT_INVALID', /projectId/],
    ['an unknown field', 'projectId: second\ndefaultLocal: en_US\n', 'PROJECT_INVALID', /defaultLocal/],
  ])('keeps the previous project after %s, and hands back the error', async (_what, text, code, message) => {
    const { hub, project } = await started();
    writeFileSync(project, text);
    expect(hub.reloadProject()).toMatchObject({ reloaded: false, error: { code, message: expect.stringMatching(message) } });
    expect(await projectOf(hub.url)).toEqual({ projectId: 'first', locales: ['en_US'] });
  });

  it('keeps the previous project when the file is gone', async () => {
    const { hub, project } = await started();
    rmSync(project);
    expect(hub.reloadProject()).toMatchObject({ reloaded: false, error: { code: 'PROJECT_FILE_INVALID', message: expect.stringMatching(/cannot be read/) } });
    expect(await projectOf(hub.url)).toEqual({ projectId: 'first', locales: ['en_US'] });
  });

  it('lets a call that was running finish with the project it started with', async () => {
    const { hub, project } = await started(true);
    const running = projectOf(hub.url, '?gated=1');
    await gate?.entered;
    writeFileSync(project, 'projectId: second\n');
    expect(hub.reloadProject()).toMatchObject({ reloaded: true, projectId: 'second' });
    gate?.open();
    expect(await running).toEqual({ projectId: 'first', locales: ['en_US'] });
    expect(await projectOf(hub.url)).toEqual({ projectId: 'second', locales: ['en_US'] });
  });

  it('has nothing to re-read for a project given as settings', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-swap-'));
    const bundle = join(dir, 'bundle.min.js');
    writeFileSync(bundle, bundleSource('first'));
    hub = await startTestHub({ bundle, project: { projectId: 'fixed' }, watch: false });
    expect(hub.reloadProject()).toEqual({ reloaded: true, projectId: 'fixed', locales: ['en_US'] });
  });
});
