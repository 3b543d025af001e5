// The actionQueue's cost per item in a real browser, one run, one page of Chromium: a bare `await` of the
// same async task (the baseline), the in-tab queue, the browser-wide queue (a Web Lock per item), and the
// store's queue, whose turn passes on only once the cookie store shows the session cookie its task wrote.
// Rounds alternate between the three so that the machine's load hits them alike; medians per item.
import { launchBrowser } from '../tools/chromium';
import { startQueuePageServer } from '../../action-queue/tools/queue-page-server.js';

export interface QueueInChromium {
  readonly items: number;
  readonly rounds: number;
  /** Median ns per item. */
  readonly bare: number;
  readonly inTab: number;
  /** `navigator.locks.request` of the same task alone: the floor of any browser-wide order. */
  readonly lockAlone: number;
  readonly browserWide: number;
  readonly browserWideAllAtOnce: number;
  /** The browser-wide queue whose task writes the session cookie, as every store action does. */
  readonly browserWideWriting: number;
  /** The same with the store's hand-over: the turn passes on once the cookie store shows the write. */
  readonly storeQueue: number;
}

const ITEMS = 2_000;
const ROUNDS = 7;

/**
 * Runs in the page. Kept as source text: tsx (esbuild) adds helper calls to functions it compiles,
 * which do not exist in the page, so a compiled function cannot be handed to page.evaluate here.
 */
const IN_PAGE = `async (items, rounds) => {
  const Queue = window.ActionQueue;
  const task = async () => 1;
  const inTab = new Queue({ longItemReportMs: false });
  const browserWide = new Queue({ lockName: 'ctp-session:bench', longItemReportMs: false });
  if (browserWide.scope !== 'browser') throw new Error('Chromium gave this page no Web Locks.');
  const writing = new Queue({ lockName: 'ctp-session:bench-writing', longItemReportMs: false });
  const store = new Queue({
    lockName: 'ctp-session:bench-store',
    longItemReportMs: false,
    beforeHandOver: () => window.cookieSettled('frontastic-session'),
  });
  let written = 0;
  const writeCookie = async () => {
    document.cookie = 'frontastic-session=bench.token.' + written++ + '; Path=/; Secure';
    return 1;
  };
  const nsPerItem = async (run) => {
    const start = performance.now();
    await run();
    return ((performance.now() - start) * 1e6) / items;
  };
  const runs = {
    bare: async () => { for (let i = 0; i < items; i++) await task(); },
    inTab: async () => { for (let i = 0; i < items; i++) await inTab.add(task); },
    lockAlone: async () => { for (let i = 0; i < items; i++) await navigator.locks.request('ctp-session:bench-bare', task); },
    browserWide: async () => { for (let i = 0; i < items; i++) await browserWide.add(task); },
    browserWideAllAtOnce: () => Promise.all(Array.from({ length: items }, () => browserWide.add(task))),
    browserWideWriting: async () => { for (let i = 0; i < items; i++) await writing.add(writeCookie); },
    storeQueue: async () => { for (let i = 0; i < items; i++) await store.add(writeCookie); },
  };
  const result = { bare: [], inTab: [], lockAlone: [], browserWide: [], browserWideAllAtOnce: [], browserWideWriting: [], storeQueue: [] };
  for (const run of Object.values(runs)) await run(); // warm-up: let V8 optimise all of them first
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) result[name].push(await nsPerItem(run));
  }
  return result;
}`;

export async function measureQueueInChromium(): Promise<QueueInChromium> {
  const server = await startQueuePageServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction('window.ready === true');
    const samples = (await page.evaluate(`(${IN_PAGE})(${ITEMS}, ${ROUNDS})`)) as Record<
      'bare' | 'inTab' | 'lockAlone' | 'browserWide' | 'browserWideAllAtOnce' | 'browserWideWriting' | 'storeQueue',
      number[]
    >;
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return {
      items: ITEMS,
      rounds: ROUNDS,
      bare: median(samples.bare),
      inTab: median(samples.inTab),
      lockAlone: median(samples.lockAlone),
      browserWide: median(samples.browserWide),
      browserWideAllAtOnce: median(samples.browserWideAllAtOnce),
      browserWideWriting: median(samples.browserWideWriting),
      storeQueue: median(samples.storeQueue),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
