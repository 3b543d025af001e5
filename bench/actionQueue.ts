// actionQueue overhead per item against a bare `await` of the same async function; rounds alternate.
import { ActionQueue } from '../packages/frontend/helpers/Queue';
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
  const queue = new ActionQueue();
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
  return [
    figure(group, 'bare await (baseline)', Math.round(base), 'ns/item'),
    against(group, 'actionQueue.add, awaited in turn', Math.round(inTurnNs), 'ns/item', 'bare await', base, `+${((inTurnNs - base) / 1000).toFixed(2)} µs per item`),
    against(group, 'actionQueue.add, all added at once', Math.round(allNs), 'ns/item', 'bare await', base, `+${((allNs - base) / 1000).toFixed(2)} µs per item`),
  ];
}
