import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ActionQueue } from '../../src/index.js';
import { startQueuePageServer, type QueuePageServer } from '../../tools/queue-page-server.js';
import { launchBrowser, newShopperContext } from '../support/browser.js';

// The queue's browser-wide rules, in Chromium's real Web Locks: several tabs of one browser context,
// each running the package's src/ as it is (tools/queue-page-server.ts).

interface ItemPlan {
  ms?: number;
  hold?: string;
  fail?: boolean;
  timeoutMs?: number;
  setCookie?: string;
}
interface Outcome {
  ok: boolean;
  value?: string;
  name?: string;
  code?: string;
  started?: boolean;
}
interface LogEntry {
  id: string;
  start: number;
  end?: number;
  cookie: string;
}
interface Harness {
  queue: ActionQueue;
  ActionQueue: typeof ActionQueue;
  reports: string[];
  log: LogEntry[];
  addItem(id: string, how?: ItemPlan): void;
  abortItem(id: string): void;
  outcome(id: string): Promise<Outcome>;
  release(name: string): void;
}
/**
 * The page's globals. Functions handed to page.evaluate run in the page, where the page defines
 * `harness` itself (tools/queue-page-server.ts); this declaration only types them.
 */
const harness = (): Harness => window as unknown as Harness;

let server: QueuePageServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startQueuePageServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
});

/** `count` tabs of one new browser context on the queue page (`query` e.g. `noLocks`, `reportMs=100`). */
async function tabs(count: number, query = ''): Promise<Page[]> {
  context = await newShopperContext(browser);
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto(`${server.url}?${query}`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    pages.push(page);
  }
  return pages;
}

const add = (page: Page, id: string, how: ItemPlan = {}): Promise<void> => page.evaluate(([i, h]) => harness().addItem(i, h), [id, how] as const);
const outcome = (page: Page, id: string): Promise<Outcome> => page.evaluate((i) => harness().outcome(i), id);
const release = (page: Page, name: string): Promise<void> => page.evaluate((n) => harness().release(n), name);
const log = (page: Page): Promise<LogEntry[]> => page.evaluate(() => harness().log);
const counts = (page: Page): Promise<{ size: number; pending: number; scope: string }> =>
  page.evaluate(() => ({ size: harness().queue.size, pending: harness().queue.pending, scope: harness().queue.scope }));
const hasStarted = (page: Page, id: string): Promise<void> =>
  page.waitForFunction((i) => harness().log.some((entry) => entry.id === i), id).then(() => undefined);
/** Tab `page` takes the browser-wide turn with item `a` and keeps it until `release(page, 'a')`. */
async function holdTurn(page: Page): Promise<void> {
  await add(page, 'a', { hold: 'a' });
  await hasStarted(page, 'a');
}

/** Two tabs: `a` holds the turn, `b` has queued `ids` behind it. */
async function behindAnotherTab(...ids: string[]): Promise<[Page, Page]> {
  const [a, b] = (await tabs(2)) as [Page, Page];
  await holdTurn(a);
  for (const id of ids) await add(b, id);
  await settle(b);
  return [a, b];
}

/** Lets the browser grant what it would grant (to show that it did not). */
const settle = (page: Page): Promise<void> => page.waitForTimeout(300);

/** Every tab's log, merged and ordered by start time (one clock for all tabs: `timeOrigin + now()`). */
async function mergedLog(pages: Page[]): Promise<LogEntry[]> {
  return (await Promise.all(pages.map(log))).flat().sort((x, y) => x.start - y.start);
}

function overlaps(entries: LogEntry[]): number {
  let count = 0;
  for (let i = 1; i < entries.length; i++) if ((entries[i - 1]?.end ?? Infinity) > (entries[i]?.start ?? 0)) count++;
  return count;
}

describe('the browser-wide actionQueue (Web Locks in Chromium)', () => {
  it('items of three tabs never overlap, and each tab runs its own first in, first out', async () => {
    const pages = await tabs(3);
    await Promise.all(pages.map((page, tab) => Promise.all([0, 1, 2, 3].map((i) => add(page, `${tab}.${i}`, { ms: 15 })))));
    await Promise.all(pages.flatMap((page, tab) => [0, 1, 2, 3].map((i) => outcome(page, `${tab}.${i}`))));
    const entries = await mergedLog(pages);
    expect(entries).toHaveLength(12);
    expect(overlaps(entries)).toBe(0);
    for (const tab of [0, 1, 2]) {
      expect(entries.filter((entry) => entry.id.startsWith(`${tab}.`)).map((entry) => entry.id)).toEqual([0, 1, 2, 3].map((i) => `${tab}.${i}`));
    }
    expect((await counts(pages[0] as Page)).scope).toBe('browser');
  });

  it('without Web Locks (an old browser) each tab orders its own items only: the in-tab fallback', async () => {
    const [a, b] = (await tabs(2, 'noLocks')) as [Page, Page];
    expect((await counts(a)).scope).toBe('tab');
    await add(a, 'a.0', { hold: 'a' });
    await hasStarted(a, 'a.0');
    await add(a, 'a.1');
    await add(b, 'b');
    // The other tab does not wait for this one any more…
    await expect(outcome(b, 'b')).resolves.toEqual({ ok: true, value: 'b' });
    // …while this tab's own second item still waits for its first.
    expect(await counts(a)).toEqual({ size: 1, pending: 1, scope: 'tab' });
    await release(a, 'a');
    await expect(outcome(a, 'a.1')).resolves.toEqual({ ok: true, value: 'a.1' });
  });

  it('no tab is starved: a tab with one item gets the turn after the running item, ahead of the busy tab\'s next ones', async () => {
    const [busy, other] = (await tabs(2)) as [Page, Page];
    await add(busy, 'busy.0', { hold: 'first' });
    for (let i = 1; i < 6; i++) await add(busy, `busy.${i}`, { ms: 5 });
    await hasStarted(busy, 'busy.0');
    await add(other, 'other.0', { ms: 5 });
    await settle(other);
    await release(busy, 'first');
    await Promise.all([outcome(other, 'other.0'), ...[1, 2, 3, 4, 5].map((i) => outcome(busy, `busy.${i}`))]);
    expect((await mergedLog([busy, other])).map((entry) => entry.id).slice(0, 3)).toEqual(['busy.0', 'other.0', 'busy.1']);
  });

  it('the session cookie an item reads is the one the previous item, in another tab, left behind', async () => {
    const [a, b] = (await tabs(2)) as [Page, Page];
    await add(a, 'a', { hold: 'a', setCookie: 'probe=written-by-a; Path=/' });
    await hasStarted(a, 'a');
    await add(b, 'b');
    await settle(b);
    await release(a, 'a');
    await outcome(b, 'b');
    expect((await log(b)).find((entry) => entry.id === 'b')?.cookie).toContain('probe=written-by-a');
  });

  it('the turn passes to another tab only once beforeHandOver has settled (the store waits there for its cookie)', async () => {
    const [a, b] = (await tabs(2, 'handOver=hold')) as [Page, Page];
    await add(a, 'a', { ms: 5 });
    await expect(outcome(a, 'a')).resolves.toEqual({ ok: true, value: 'a' });
    await add(b, 'b');
    await settle(b);
    expect((await log(b)).length).toBe(0);
    await release(a, 'handover');
    await expect(outcome(b, 'b')).resolves.toEqual({ ok: true, value: 'b' });
  });

  it('a beforeHandOver that throws still hands the turn on', async () => {
    const [a, b] = (await tabs(2, 'handOver=fail')) as [Page, Page];
    await add(a, 'a', { ms: 5 });
    await add(b, 'b');
    await expect(outcome(b, 'b')).resolves.toEqual({ ok: true, value: 'b' });
  });

  it("cookieSettled sees a tab's cookie write in Chromium's cookie store, and the next tab reads that cookie", async () => {
    const [a, b] = (await tabs(2, 'handOver=cookie')) as [Page, Page];
    expect(await a.evaluate(async () => {
      document.cookie = 'probe=settled-check; Path=/';
      return (window as unknown as { cookieSettled(name: string): Promise<boolean> }).cookieSettled('probe');
    })).toBe(true);
    await add(a, 'a', { hold: 'a', setCookie: 'probe=from-a; Path=/' });
    await hasStarted(a, 'a');
    await add(b, 'b');
    await release(a, 'a');
    await outcome(b, 'b');
    expect((await log(b)).find((entry) => entry.id === 'b')?.cookie).toContain('probe=from-a');
  });

  it('size, pending and onIdle are this tab\'s: an item waiting for another tab\'s turn counts in size, not pending', async () => {
    const [a, b] = (await tabs(2)) as [Page, Page];
    await holdTurn(a);
    await add(b, 'b');
    await settle(b);
    expect(await counts(a)).toEqual({ size: 0, pending: 1, scope: 'browser' });
    expect(await counts(b)).toEqual({ size: 1, pending: 0, scope: 'browser' });
    expect(await b.evaluate(() => Promise.race([harness().queue.onIdle().then(() => 'idle'), new Promise((resolve) => setTimeout(() => resolve('busy'), 100))]))).toBe('busy');
    await release(a, 'a');
    await b.evaluate(() => harness().queue.onIdle());
    expect(await counts(b)).toEqual({ size: 0, pending: 0, scope: 'browser' });
  });

  it.each([
    ['is closed', (page: Page) => page.close()],
    ['navigates away', (page: Page) => page.goto('about:blank').then(() => undefined)],
  ])('a tab that %s in the middle of an item that never settles gives its turn back', async (_what, leave) => {
    const [leaving, waiting] = (await tabs(2)) as [Page, Page];
    await add(leaving, 'stuck', { hold: 'never' });
    await hasStarted(leaving, 'stuck');
    await add(waiting, 'next');
    await settle(waiting);
    expect((await log(waiting)).length).toBe(0);
    await leave(leaving);
    await expect(outcome(waiting, 'next')).resolves.toEqual({ ok: true, value: 'next' });
  });

  it('an item that fails or times out gives the turn back to the other tabs', async () => {
    const [a, b] = (await tabs(2)) as [Page, Page];
    await add(a, 'fails', { hold: 'a', fail: true });
    await add(a, 'times out', { hold: 'never', timeoutMs: 50 });
    await hasStarted(a, 'fails');
    await add(b, 'b.0');
    await add(b, 'b.1');
    await release(a, 'a');
    expect(await outcome(a, 'fails')).toMatchObject({ ok: false });
    expect(await outcome(a, 'times out')).toMatchObject({ ok: false, code: 'QUEUE_ITEM_TIMEOUT' });
    await expect(outcome(b, 'b.1')).resolves.toEqual({ ok: true, value: 'b.1' });
  });

  it("an item's timeout counts from its turn, not from the wait for another tab", async () => {
    const [a, b] = (await tabs(2)) as [Page, Page];
    await add(a, 'a', { ms: 400 });
    await hasStarted(a, 'a');
    await add(b, 'b', { ms: 5, timeoutMs: 150 });
    await expect(outcome(b, 'b')).resolves.toEqual({ ok: true, value: 'b' });
  });

  it('aborting an item that waits for the browser-wide turn drops it unstarted; the tab goes on', async () => {
    const [a, b] = await behindAnotherTab('dropped', 'kept');
    await b.evaluate(() => harness().abortItem('dropped'));
    expect(await outcome(b, 'dropped')).toEqual({ ok: false, name: 'QueueAbortedError', code: 'QUEUE_ITEM_ABORTED', started: false });
    await release(a, 'a');
    await expect(outcome(b, 'kept')).resolves.toEqual({ ok: true, value: 'kept' });
    expect((await log(b)).map((entry) => entry.id)).toEqual(['kept']);
  });

  it("clear() rejects this tab's items, the one waiting for the browser-wide turn included", async () => {
    const [a, b] = await behindAnotherTab('b.0', 'b.1');
    await b.evaluate(() => harness().queue.clear());
    expect(await outcome(b, 'b.0')).toMatchObject({ ok: false, code: 'QUEUE_CLEARED' });
    expect(await outcome(b, 'b.1')).toMatchObject({ ok: false, code: 'QUEUE_CLEARED' });
    expect(await counts(b)).toMatchObject({ size: 0, pending: 0 });
    await release(a, 'a');
    await expect(outcome(a, 'a')).resolves.toMatchObject({ ok: true });
  });

  it('stop() while an item waits for the browser-wide turn gives up its place; restart() asks again', async () => {
    const [a, b, c] = (await tabs(3)) as [Page, Page, Page];
    await holdTurn(a);
    await add(b, 'b');
    await settle(b);
    await add(c, 'c');
    await settle(c);
    await b.evaluate(() => harness().queue.stop());
    expect(await counts(b)).toMatchObject({ size: 1, pending: 0 });
    await release(a, 'a');
    await outcome(c, 'c');
    await settle(b);
    expect((await log(b)).length).toBe(0);
    await b.evaluate(() => harness().queue.restart());
    await expect(outcome(b, 'b')).resolves.toEqual({ ok: true, value: 'b' });
    expect((await mergedLog([a, b, c])).map((entry) => entry.id)).toEqual(['a', 'c', 'b']);
  });

  it('an add made inside a running item runs in the turn it already holds (no deadlock on the lock)', async () => {
    const [a, b] = (await tabs(2)) as [Page, Page];
    await add(b, 'b', { hold: 'b' });
    await hasStarted(b, 'b');
    const nested = a.evaluate(() =>
      harness().queue.add(async (_signal, run) => {
        const sync = harness().queue.add(() => 'sync');
        await new Promise((resolve) => setTimeout(resolve, 5));
        return [await sync, await run(async () => 'after an await')];
      }),
    );
    await settle(a);
    await release(b, 'b');
    await expect(nested).resolves.toEqual(['sync', 'after an await']);
  });

  it('the development report names items waiting in other tabs', async () => {
    const [a, b] = (await tabs(2, 'reportMs=100')) as [Page, Page];
    await add(a, 'long', { hold: 'long' });
    await hasStarted(a, 'long');
    // Past the limit before anything waits: the report must still come once another tab queues.
    await settle(a);
    expect(await a.evaluate(() => harness().reports)).toEqual([]);
    await add(b, 'waiting');
    await a.waitForFunction(() => harness().reports.length > 0);
    expect(await a.evaluate(() => harness().reports)).toEqual([expect.stringMatching(/1 in other tabs/)]);
    await release(a, 'long');
    await outcome(b, 'waiting');
  });
});
