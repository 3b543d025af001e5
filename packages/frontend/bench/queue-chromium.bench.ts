// `yarn bench` in this package, second part: the queue in Chromium (see queue-in-chromium.ts).
import { measureQueueInChromium } from './queue-in-chromium.js';

const figures = await measureQueueInChromium();
const rows = [
  ['bare await (baseline)', figures.bare],
  ['in-tab queue, awaited in turn', figures.inTab],
  ['navigator.locks.request alone, awaited in turn', figures.lockAlone],
  ['browser-wide queue (Web Locks), awaited in turn', figures.browserWide],
  ['browser-wide queue (Web Locks), all added at once', figures.browserWideAllAtOnce],
  ['browser-wide queue, task writes the session cookie', figures.browserWideWriting],
  ["store's actionQueue: cookie write + hand-over check", figures.storeQueue],
] as const;
console.log(`actionQueue in Chromium (${figures.items} items x ${figures.rounds} rounds, median ns per item)`);
for (const [name, ns] of rows) {
  console.log(`  ${name.padEnd(52)} ${ns.toFixed(0).padStart(8)} ns   x${(ns / figures.bare).toFixed(1)} of baseline   +${((ns - figures.bare) / 1000).toFixed(1)} µs`);
}
console.log(`  browser-wide against in-tab: x${(figures.browserWide / figures.inTab).toFixed(1)}`);
console.log(`  hand-over check against the same queue without it: x${(figures.storeQueue / figures.browserWideWriting).toFixed(2)}`);
