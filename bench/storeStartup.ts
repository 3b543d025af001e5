// `yarn start` with its builds up to date, as a shopper meets it: a tab opened the moment the store's
// address answers (it gets the starting page) against a tab opened when the store says it is running
// (the baseline: a shopper who waited). Both count until the page shows the store's header. Real
// processes, real Chromium, free ports; alternating rounds.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePorts } from '@ctp-session/store';
import { launchBrowser } from '../packages/frontend/tools/chromium';
import { against, figure, median, type Figure } from './figures.js';

const ROUNDS = 3;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE_SHOWN = '[data-testid="cart-count"]';

async function listening(port: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Round {
  /** Spawn to "The store is running". */
  readonly startMs: number;
  /** The early tab showed the store this long after "running" (negative: before the line was printed). */
  readonly earlyAfterRunningMs: number;
  /** A tab opened at "running" took this long to show the store. */
  readonly waitingTabMs: number;
}

async function round(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<Round> {
  const [port = 0, hub = 0, platform = 0, smtp = 0] = await freePorts(4);
  const url = `http://127.0.0.1:${port}/`;
  const early = await browser.newPage();
  const spawned = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/store/src/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HUB_PORT: String(hub), PLATFORM_PORT: String(platform), PLATFORM_SMTP_PORT: String(smtp) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let runningAt = 0;
  const running = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (runningAt === 0 && output.includes('The store is running at')) {
        runningAt = performance.now();
        resolve();
      }
    });
  });
  child.stderr.resume();
  try {
    await listening(port);
    await early.goto(url);
    if ((await early.textContent('h1')) !== 'The store is starting') throw new Error('the early tab did not get the starting page');
    await early.waitForSelector(STORE_SHOWN, { timeout: 120_000 });
    const earlyShownAt = performance.now();
    await running;
    const waiting = await browser.newPage();
    const opened = performance.now();
    await waiting.goto(url);
    await waiting.waitForSelector(STORE_SHOWN, { timeout: 60_000 });
    const waitingTabMs = performance.now() - opened;
    await waiting.close();
    return { startMs: runningAt - spawned, earlyAfterRunningMs: earlyShownAt - runningAt, waitingTabMs };
  } finally {
    await early.close();
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function measureStoreStartup(): Promise<Figure[]> {
  const browser = await launchBrowser();
  const rounds: Round[] = [];
  try {
    for (let index = 0; index < ROUNDS; index++) rounds.push(await round(browser));
  } finally {
    await browser.close();
  }
  const group = 'yarn start (builds up to date)';
  const early = median(rounds.map((each) => each.earlyAfterRunningMs));
  const waiting = median(rounds.map((each) => each.waitingTabMs));
  return [
    figure(group, 'spawn to "The store is running" (median of 3)', Math.round(median(rounds.map((each) => each.startMs))), 'ms'),
    against(
      group,
      'a tab opened at the first moment: store shown, after "running"',
      Math.round(Math.max(early, 0)),
      'ms',
      'a tab opened at "running"',
      Math.round(waiting),
      'the early tab saw the starting page first; both until the header shows (median of 3)',
    ),
  ];
}
