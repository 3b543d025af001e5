// `yarn dev` against a `yarn start` restart, in a copy of the workspace whose sources it edits (copyWorkspace: the real
// packages are never written). Save to served for an action change (the time from writing the file to the hub
// answering with the new behaviour) and save to visible in Chromium for a tastic change (to the open page showing it);
// the baselines are what a developer without `yarn dev` does after the same save: Ctrl-C, `yarn start` (rebuilding
// what changed) and, for the tastic, a reload of the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { copyWorkspace, freePorts, type WorkspaceCopy } from '@ctp-session/store';
import { launchBrowser } from '../packages/frontend/tools/chromium';
import { startCli, type RunningCli } from '../packages/store/test/support/cli.js';
import { against, figure, median, type Figure } from './figures.js';

const DEV_ROUNDS = 5;
// The first save of a run warms what the later ones reuse (the type checker's incremental paths, Fast Refresh's
// socket and the page's client chunks): measured apart, not in the median.
const WARM_UP = 1;
const ACTION_RESTART_ROUNDS = 3;
const START_MS = 600_000;
const CART_ACTIONS = 'packages/extensions/src/actions/cart.ts';
const SHOW_CART_ID = 'packages/frontend/tastics/example/show-cart-id/index.tsx';
const GET_CART_ANSWER = 'return { body: cart === undefined ? emptyCart() : mapCart(cart, scope.locale) };';
const NO_CART_TEXT = 'No cart Id available. Add a product to the cart first.';
const RUNNING = /The store is running at/;

interface Setup {
  readonly copy: WorkspaceCopy;
  readonly env: Readonly<Record<string, string>>;
  readonly hubUrl: string;
  readonly storeUrl: string;
}

/** Saves getCart answering with `mark`, as an editor would, and returns when it was written. */
function saveAction(setup: Setup, mark: string): number {
  const file = join(setup.copy.root, CART_ACTIONS);
  const text = readFileSync(file, 'utf8').replace(/return \{ body: \{ \.\.\.\(cart === undefined \? emptyCart\(\) : mapCart\(cart, scope\.locale\)\), servedBy: "[^"]*" \} \};|return \{ body: cart === undefined \? emptyCart\(\) : mapCart\(cart, scope\.locale\) \};/, `return { body: { ...(cart === undefined ? emptyCart() : mapCart(cart, scope.locale)), servedBy: ${JSON.stringify(mark)} } };`);
  if (!text.includes(mark)) throw new Error(`${CART_ACTIONS} no longer has ${GET_CART_ANSWER}`);
  const savedAt = performance.now();
  writeFileSync(file, text);
  return savedAt;
}

/** Saves the show-cart-id tastic saying `text` where it said the previous one, and returns when it was written. */
function saveTastic(setup: Setup, previous: string, text: string): number {
  const file = join(setup.copy.root, SHOW_CART_ID);
  const source = readFileSync(file, 'utf8');
  if (!source.includes(previous)) throw new Error(`${SHOW_CART_ID} no longer says ${previous}`);
  const savedAt = performance.now();
  writeFileSync(file, source.replace(previous, text));
  return savedAt;
}

/** Asks the hub until getCart answers with `mark`; resolves with when it did. */
async function servedAt(setup: Setup, mark: string): Promise<number> {
  for (;;) {
    const answer = await fetch(`${setup.hubUrl}/frontastic/action/cart/getCart`, { method: 'POST', headers: { 'Frontastic-Locale': 'en_US' }, body: '{}' }).then(
      async (response) => (response.ok ? ((await response.json()) as { servedBy?: string }).servedBy : undefined),
      () => undefined,
    );
    if (answer === mark) return performance.now();
    // Not a busy loop: the build it waits for shares the machine's cores (and a call costs the hub a new session).
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function visibleAt(page: Page, text: string): Promise<number> {
  await page.waitForFunction(`document.querySelector('[data-testid="show-cart-id"]')?.textContent?.includes(${JSON.stringify(text)})`, undefined, { timeout: START_MS, polling: 'raf' });
  return performance.now();
}

async function stop(running: RunningCli): Promise<void> {
  running.child.kill('SIGINT');
  await running.exited;
}

interface DevFigures {
  readonly actionMs: number[];
  /** What `yarn dev` printed for each swap (`bundle reloaded in … ms`). */
  readonly printedMs: number[];
  readonly tasticMs: number[];
  readonly startMs: number;
}

async function measureDev(setup: Setup, page: Page): Promise<DevFigures> {
  const spawned = performance.now();
  const dev = startCli(setup.env, ['--dev'], setup.copy.root);
  try {
    await dev.waitFor(RUNNING, START_MS);
    const startMs = performance.now() - spawned;
    const actionMs: number[] = [];
    const printedMs: number[] = [];
    for (let round = 0; round < WARM_UP + DEV_ROUNDS; round++) {
      const from = dev.output().length;
      const savedAt = saveAction(setup, `dev round ${round}`);
      actionMs.push((await servedAt(setup, `dev round ${round}`)) - savedAt);
      const line = await dev.waitFor(/bundle reloaded in/, START_MS, from);
      printedMs.push(Number(/in (\d+) ms/.exec(line)?.[1] ?? Number.NaN));
    }
    await page.goto(setup.storeUrl);
    await visibleAt(page, NO_CART_TEXT);
    const tasticMs: number[] = [];
    let shown = NO_CART_TEXT;
    for (let round = 0; round < WARM_UP + DEV_ROUNDS; round++) {
      const text = `Edited live, round ${round}.`;
      const savedAt = saveTastic(setup, shown, text);
      tasticMs.push((await visibleAt(page, text)) - savedAt);
      shown = text;
    }
    saveTastic(setup, shown, NO_CART_TEXT);
    return { actionMs, printedMs, tasticMs, startMs };
  } finally {
    await stop(dev);
  }
}

interface RestartFigures {
  readonly actionMs: number[];
  readonly tasticMs: number;
}

/** The same saves without `yarn dev`: each followed by Ctrl-C and `yarn start`, which rebuilds what the save changed. */
async function measureRestarts(setup: Setup, page: Page): Promise<RestartFigures> {
  // The first start builds everything (a fresh copy has no builds): not what a save costs.
  let store = startCli(setup.env, [], setup.copy.root);
  try {
    await store.waitFor(RUNNING, START_MS);
    const actionMs: number[] = [];
    for (let round = 0; round < ACTION_RESTART_ROUNDS; round++) {
      const savedAt = saveAction(setup, `restart round ${round}`);
      await stop(store);
      store = startCli(setup.env, [], setup.copy.root);
      await store.waitFor(RUNNING, START_MS);
      actionMs.push((await servedAt(setup, `restart round ${round}`)) - savedAt);
    }
    await page.goto(setup.storeUrl);
    await visibleAt(page, NO_CART_TEXT);
    const text = 'Edited, then yarn start again.';
    const savedAt = saveTastic(setup, NO_CART_TEXT, text);
    await stop(store);
    store = startCli(setup.env, [], setup.copy.root);
    await store.waitFor(RUNNING, START_MS);
    await page.reload();
    const tasticMs = (await visibleAt(page, text)) - savedAt;
    return { actionMs, tasticMs };
  } finally {
    await stop(store);
  }
}

export async function measureDevLoop(): Promise<Figure[]> {
  const copy = copyWorkspace();
  const [port = 0, hub = 0, platform = 0, smtp = 0] = await freePorts(4);
  const setup: Setup = {
    copy,
    env: { PORT: String(port), HUB_PORT: String(hub), PLATFORM_PORT: String(platform), PLATFORM_SMTP_PORT: String(smtp), STORE_DATA_DIR: join(copy.root, '.store') },
    hubUrl: `http://127.0.0.1:${hub}`,
    storeUrl: `http://127.0.0.1:${port}/`,
  };
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const dev = await measureDev(setup, page);
    const restart = await measureRestarts(setup, page);
    const group = 'yarn dev: save to served, save to visible';
    const devAction = median(dev.actionMs.slice(WARM_UP));
    const devTastic = median(dev.tasticMs.slice(WARM_UP));
    const rounds = (values: readonly number[]): string => `first save ${Math.round(values[0] ?? Number.NaN)} ms, then ${values.slice(WARM_UP).map(Math.round).join(', ')} ms`;
    return [
      against(
        group,
        `save to served: an action change (median of ${DEV_ROUNDS} after a first save)`,
        Math.round(devAction),
        'ms',
        `Ctrl-C and yarn start (bundle rebuilt), median of ${ACTION_RESTART_ROUNDS}`,
        Math.round(median(restart.actionMs)),
        `rebuilt, type-checked and swapped into the running hub; yarn dev printed ${Math.round(median(dev.printedMs.slice(WARM_UP)))} ms (from the first file event); ${rounds(dev.actionMs)}`,
      ),
      against(
        group,
        `save to visible in Chromium: a tastic change (Fast Refresh, median of ${DEV_ROUNDS} after a first save)`,
        Math.round(devTastic),
        'ms',
        'Ctrl-C, yarn start (next build) and a reload, once',
        Math.round(restart.tasticMs),
        `the open page, not reloaded; ${rounds(dev.tasticMs)}`,
      ),
      figure(group, 'yarn dev start-up, spawn to "The store is running" (bundle built and type-checked, first page compiled)', Math.round(dev.startMs), 'ms'),
    ];
  } finally {
    await browser.close();
    copy.remove();
  }
}
