// `yarn start` as a new user meets it: a browser tab and a socket on the store's address from the first
// moment. Real processes, real ports, real Chromium.
import { afterAll, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../frontend/tools/chromium.js';
import { isPortFree } from '../src/ports.js';
import { freePorts, startCli, stopCli, type RunningCli } from './support/cli.js';

// The first start may run the Next.js build; other test files may be building it at the same time.
const START_TIMEOUT_MS = 300_000;

let cli: RunningCli | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await stopCli(cli);
});

/** Connects as soon as something listens on `port`. */
async function connectWhenListening(port: number, until: number): Promise<Socket> {
  while (Date.now() < until) {
    const socket = await new Promise<Socket | undefined>((resolve) => {
      const attempt = connect(port, '127.0.0.1', () => resolve(attempt));
      attempt.once('error', () => resolve(undefined));
    });
    if (socket) return socket;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nothing listened on ${port}`);
}

describe('yarn start while clients connect early', () => {
  it(
    'a socket held open from the first moment does not stop the start; a page opened before the store is ready shows the starting page, then the store',
    async () => {
      const ports = await freePorts();
      const url = `http://127.0.0.1:${ports.PORT}/`;
      browser = await launchBrowser();
      // The tab is open before `yarn start`, so it asks the moment the address answers.
      const page = await browser.newPage();
      cli = startCli(ports);
      const held = await connectWhenListening(Number(ports.PORT), Date.now() + START_TIMEOUT_MS);
      const heldClosed = new Promise<void>((resolve) => held.once('close', () => resolve()));
      held.on('error', () => undefined);

      // A client that keeps asking (a reload loop, a health check) from the first moment: every request gets
      // an answer, the starting page or the store, never a refused connection, up to the store serving.
      const answers = new Map<string, number>();
      let polling = true;
      const poller = (async () => {
        // Until the store is running and the poller has had one answer of the store itself.
        const deadline = Date.now() + START_TIMEOUT_MS;
        while ((polling || !answers.has('store 200')) && Date.now() < deadline) {
          const seen = await fetch(url, { headers: { accept: 'application/json' } }).then(
            (answer) => (answer.headers.get('x-store-starting') === '1' ? 'starting' : `store ${answer.status}`),
            (error: unknown) => `failed: ${(error as Error & { cause?: { code?: string } }).cause?.code ?? String(error)}`,
          );
          answers.set(seen, (answers.get(seen) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      // An API client asking in the first moment gets JSON until the store answers.
      const [early] = await Promise.all([fetch(url, { headers: { accept: 'application/json' } }), page.goto(url)]);
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('2');
      expect(await early.json()).toMatchObject({ status: 'starting', part: 'the store' });

      expect(await page.textContent('h1')).toBe('The store is starting');

      await cli.waitFor(/The store is running at/, START_TIMEOUT_MS);
      polling = false;
      await poller;
      expect([...answers.keys()].filter((seen) => seen.startsWith('failed'))).toEqual([]);
      expect(answers.get('starting')).toBeGreaterThan(0);
      expect(answers.get('store 200')).toBeGreaterThan(0);
      // The page opened the store by itself: the store's header, on the same address.
      await page.waitForSelector('[data-testid="cart-count"]', { timeout: 60_000 });
      expect(page.url()).toBe(url);
      expect(await page.textContent('h1')).not.toBe('The store is starting');
      // The holder cut the silent connection instead of waiting for it.
      await heldClosed;

      const output = cli.output();
      for (const step of ['extensions bundle', 'frontend build (next build)', 'commerce backend', 'API hub', 'frontend server (Next.js)']) {
        expect(output).toMatch(new RegExp(`✓ ${step.replace(/[()]/g, '\\$&')}: .+ in \\d`));
      }
      expect(output).toContain('Start-up took');

      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.output()).toMatch(/stopped the frontend server \(Next.js\)\n.*stopped the API hub\n.*stopped the embedded commercetools platform and its mail sink\n.*released the data folder .*\nStopped everything the store had started\./);
      for (const port of Object.values(ports)) expect(await isPortFree(Number(port))).toBe(true);
    },
    START_TIMEOUT_MS + 120_000,
  );
});
