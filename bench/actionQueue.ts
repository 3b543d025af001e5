// actionQueue overhead per item against a bare `await` of the same async function; rounds alternate.
// In Node (the in-tab queue) and in Chromium (in-tab, the Web Lock alone, and the browser-wide queue).
import { ActionQueue } from '../packages/action-queue/src/index.js';
import { measureQueueInChromium } from '../packages/frontend/bench/queue-in-chromium';
import { against, figure, median, type Figure } from './figures.js';

const ITEMS = 50_000;
const ROUNDS = 5;
const task = async (): Promise<number> => 1;

async function nsPerItem(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / ITEMS;
}

export async function measureActionQueue(): Promise<Figure[]> {
  // As in a production build: no development report (its timer per item would be measured too).
  const queue = new ActionQueue({ longItemReportMs: false });
  const bare = async (): Promise<void> => {
    for (let i = 0; i < ITEMS; i++) await task();
  };
  const inTurn = async (): Promise<void> => {
    for (let i = 0; i < ITEMS; i++) await queue.add(task);
  };
  const allAtOnce = async (): Promise<unknown> => Promise.all(Array.from({ length: ITEMS }, () => queue.add(task)));
  const samples = { bare: [] as number[], inTurn: [] as number[], allAtOnce: [] as number[] };
  for (const warm of [bare, inTurn, allAtOnce]) await warm(); // let V8 optimise all three before timing
  for (let round = 0; round < ROUNDS; round++) {
    samples.bare.push(await nsPerItem(bare));
    samples.inTurn.push(await nsPerItem(inTurn));
    samples.allAtOnce.push(await nsPerItem(allAtOnce));
  }
  const base = median(samples.bare);
  const group = 'actionQueue';
  const inTurnNs = median(samples.inTurn);
  const allNs = median(samples.allAtOnce);
  const chromium = await measureQueueInChromium();
  const inChromium = 'actionQueue in Chromium';
  const plus = (ns: number, baseline: number): string => `+${((ns - baseline) / 1000).toFixed(1)} µs per item`;
  return [
    figure(group, 'bare await (baseline)', Math.round(base), 'ns/item'),
    against(group, 'actionQueue.add, awaited in turn', Math.round(inTurnNs), 'ns/item', 'bare await', base, `+${((inTurnNs - base) / 1000).toFixed(2)} µs per item`),
    against(group, 'actionQueue.add, all added at once', Math.round(allNs), 'ns/item', 'bare await', base, `+${((allNs - base) / 1000).toFixed(2)} µs per item`),
    figure(inChromium, 'bare await (baseline)', Math.round(chromium.bare), 'ns/item'),
    against(inChromium, 'in-tab queue, awaited in turn', Math.round(chromium.inTab), 'ns/item', 'bare await', chromium.bare, plus(chromium.inTab, chromium.bare)),
    against(inChromium, 'navigator.locks.request alone, awaited in turn', Math.round(chromium.lockAlone), 'ns/item', 'bare await', chromium.bare, plus(chromium.lockAlone, chromium.bare)),
    against(inChromium, 'browser-wide queue (Web Locks), awaited in turn', Math.round(chromium.browserWide), 'ns/item', 'in-tab queue', chromium.inTab, `${(chromium.browserWide / chromium.lockAlone).toFixed(2)}× the Web Lock alone`),
    against(inChromium, 'browser-wide queue (Web Locks), all added at once', Math.round(chromium.browserWideAllAtOnce), 'ns/item', 'in-tab queue', chromium.inTab, plus(chromium.browserWideAllAtOnce, chromium.bare)),
    against(inChromium, 'browser-wide queue, task writes the session cookie', Math.round(chromium.browserWideWriting), 'ns/item', 'in-tab queue', chromium.inTab, plus(chromium.browserWideWriting, chromium.bare)),
    against(inChromium, "store's actionQueue: cookie write + hand-over check", Math.round(chromium.storeQueue), 'ns/item', 'browser-wide, writing', chromium.browserWideWriting, plus(chromium.storeQueue, chromium.browserWideWriting)),
  ];
}
