// actionQueue overhead per item against a bare `await` of the same async function, measured in one run.
// Rounds alternate between the two so that machine noise hits both alike; the medians are compared.
import { ActionQueue } from '@ctp-session/action-queue';

const ITEMS = 50_000;
const ROUNDS = 7;
const task = async (): Promise<number> => 1;

async function bare(): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITEMS; i++) await task();
  return Number(process.hrtime.bigint() - start) / ITEMS;
}

async function queuedInTurn(queue: ActionQueue): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITEMS; i++) await queue.add(task);
  return Number(process.hrtime.bigint() - start) / ITEMS;
}

async function queuedAllAtOnce(queue: ActionQueue): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: ITEMS }, () => queue.add(task)));
  return Number(process.hrtime.bigint() - start) / ITEMS;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const samples = { bare: [] as number[], inTurn: [] as number[], allAtOnce: [] as number[] };
// As in a production build: no development report (its timer per item would be measured too).
const queue = new ActionQueue({ longItemReportMs: false });
for (let round = 0; round < ROUNDS; round++) {
  samples.bare.push(await bare());
  samples.inTurn.push(await queuedInTurn(queue));
  samples.allAtOnce.push(await queuedAllAtOnce(queue));
}
const base = median(samples.bare);
const rows = [
  ['bare await (baseline)', base],
  ['actionQueue.add, awaited in turn', median(samples.inTurn)],
  ['actionQueue.add, all added at once', median(samples.allAtOnce)],
] as const;
console.log(`actionQueue overhead (${ITEMS} items x ${ROUNDS} rounds, median ns per item)`);
for (const [name, ns] of rows) {
  console.log(`  ${name.padEnd(38)} ${ns.toFixed(0).padStart(7)} ns   x${(ns / base).toFixed(2)} of baseline   +${(ns - base).toFixed(0)} ns`);
}
