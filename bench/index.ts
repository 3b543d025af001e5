// `yarn bench`: the whole system measured side by side in one run. Prints one table and writes it as JSON
// to bench/results/ (git-ignored). Every ratio is against a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureActionQueue } from './actionQueue.js';
import { measureCodec } from './codec.js';
import { measureDevLoop } from './devLoop.js';
import type { Figure } from './figures.js';
import { measureFirstLoadJs } from './firstLoadJs.js';
import { measurePublishedPackages } from './publishedPackages.js';
import { machine } from './machine.js';
import { measurePlatformPersistence } from './platformPersistence.js';
import { measurePlatformStartup } from './platformStartup.js';
import { measureRedaction } from './redaction.js';
import { measureRoundTrip } from './roundTrip.js';
import { measureStore } from './storeFigures.js';
import { measureStoreStartup } from './storeStartup.js';
import { printTable } from './table.js';

const sections: ReadonlyArray<readonly [string, () => Figure[] | Promise<Figure[]>]> = [
  ['token codec', measureCodec],
  ['hub round trip', measureRoundTrip],
  ['redaction', measureRedaction],
  ['store: requests per action, cookie sizes', measureStore],
  ['actionQueue', measureActionQueue],
  ['embedded platform start-up', measurePlatformStartup],
  ['embedded platform on a data file', measurePlatformPersistence],
  ['frontend first-load JS', measureFirstLoadJs],
  ['published packages: what they cost the project that installs them', measurePublishedPackages],
  ['yarn start: a tab opened early against one opened when ready', measureStoreStartup],
  ['yarn dev: an action and a tastic saved, against a yarn start restart', measureDevLoop],
];

const started = performance.now();
const figures: Figure[] = [];
for (const [name, measure] of sections) {
  const t = performance.now();
  process.stderr.write(`bench: ${name}…`);
  figures.push(...(await measure()));
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
const host = machine();
printTable(figures, host);
const results = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(results, { recursive: true });
const report = JSON.stringify({ machine: host, seconds: Math.round((performance.now() - started) / 1000), figures }, null, 2);
const stamp = host.date.replace(/[:.]/g, '-');
writeFileSync(`${results}bench-${stamp}.json`, report);
writeFileSync(`${results}latest.json`, report);
console.log(`\nwritten: bench/results/bench-${stamp}.json (and latest.json), ${Math.round((performance.now() - started) / 1000)} s`);
