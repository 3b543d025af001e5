// @ctp-session/action-queue as its users meet it: installed from its tarball into a fresh project beside the real
// frontend-sdk, bundled into a page by the project's own esbuild, and run in two tabs of one Chromium.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHub, type Hub } from '@ctp-session/hub';
import { launchBrowser } from '../../frontend/tools/chromium.js';
import { createConsumer, tarball, type Consumer } from './support/consumer.js';

const INSTALL_TIMEOUT_MS = 240_000;
const PER_TAB = 8;

interface PageApi {
  increment(): Promise<{ isError: boolean }>;
  readCounter(): Promise<{ isError: boolean; data?: { count: number; overlaps: number } }>;
}

describe('@ctp-session/action-queue bundled into a storefront page', () => {
  let consumer: Consumer;
  let pages: Server;
  let pageUrl = '';
  let hub: Hub;
  let browser: Browser;
  beforeAll(async () => {
    consumer = await createConsumer('queue-page', { '@ctp-session/action-queue': `file:${tarball('action-queue')}`, '@commercetools/frontend-sdk': '2.1.1', esbuild: '0.28.2', typescript: '5.9.3' });
    await consumer.exec('esbuild', ['page.js', '--bundle', '--format=esm', '--minify', '--define:process.env.NODE_ENV="production"', '--outfile=dist/page.js']);
    const script = readFileSync(join(consumer.dir, 'dist', 'page.js'), 'utf8');
    pages = createServer((request, response) => {
      if (request.url?.startsWith('/page.js')) response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script>window.HUB_URL = ${JSON.stringify(hub.url)};</script><script type="module" src="/page.js"></script>`);
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
    hub = await startHub({ bundle: join(consumer.dir, 'counter-bundle.js'), port: 0, watch: false, corsOrigins: [pageUrl.slice(0, -1)], logger: { log: () => undefined } });
    browser = await launchBrowser();
  }, INSTALL_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await new Promise((resolve) => pages?.close(resolve));
    consumer?.remove();
  });

  /** Two tabs of one browser (one cookie jar), each firing `PER_TAB` increments at once; the count and overlaps after. */
  async function raceTwoTabs(query: string): Promise<{ count: number; overlaps: number; failed: number }> {
    const context = await browser.newContext();
    try {
      const tabs = await Promise.all([context.newPage(), context.newPage()]);
      for (const tab of tabs) {
        await tab.goto(`${pageUrl}${query}`);
        await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
      }
      // The bundle counts overlaps since it loaded: this run's are the difference.
      const before = await (tabs[0] as Page).evaluate(() => (window as unknown as PageApi).readCounter());
      const results = await Promise.all(
        tabs.map((tab) => tab.evaluate((times) => Promise.all(Array.from({ length: times }, () => (window as unknown as PageApi).increment())), PER_TAB)),
      );
      const failed = results.flat().filter((result) => result.isError).length;
      const read = await (tabs[1] as Page).evaluate(() => (window as unknown as PageApi).readCounter());
      return { count: read.data?.count ?? -1, overlaps: (read.data?.overlaps ?? -1) - (before.data?.overlaps ?? 0), failed };
    } finally {
      await context.close();
    }
  }

  it("type-checks the README's one line against the real frontend-sdk's types (strict, bundler resolution)", async () => {
    await consumer.exec('tsc', ['-p', 'tsconfig.json']);
  });

  it('two tabs firing at once: every increment lands, none runs beside another (queueCallAction)', async () => {
    expect(await raceTwoTabs('')).toEqual({ count: 2 * PER_TAB, overlaps: 0, failed: 0 });
  });

  it('the control, the same page without queueCallAction: the SDK runs them side by side and increments are lost', async () => {
    const raw = await raceTwoTabs('?raw');
    expect(raw.overlaps).toBeGreaterThan(0);
    expect(raw.count).toBeLessThan(2 * PER_TAB);
  });
});
