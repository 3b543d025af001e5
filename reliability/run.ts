// `yarn test:reliability`: every scenario against the store as `yarn start` runs it. Each reports what it
// tried and what it lost; anything lost fails the run (exit code 1).
import { badInput } from './scenarios/badInput.js';
import { faults } from './scenarios/faults.js';
import { hostileInput } from './scenarios/hostileInput.js';
import { load } from './scenarios/load.js';
import { mailFlood } from './scenarios/mailFlood.js';
import { platformProbes } from './scenarios/platformProbes.js';
import { races } from './scenarios/races.js';
import { replayAfterCheckout } from './scenarios/replayAfterCheckout.js';
import { replayAfterLogout } from './scenarios/replayAfterLogout.js';
import { revokedTokens } from './scenarios/revokedTokens.js';
import { stolenToken } from './scenarios/stolenToken.js';
import { tokenExpiry } from './scenarios/tokenExpiry.js';
import type { Scenario } from './support/scenario.js';
import { captureStoreLog } from './support/storeLog.js';

const all: readonly Scenario[] = [load, faults, badInput, tokenExpiry, races, replayAfterLogout, replayAfterCheckout, revokedTokens, platformProbes, hostileInput, mailFlood, stolenToken];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !all.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`No scenario named ${unknown.join(', ')}. Scenarios: ${all.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const chosen = only.length === 0 ? all : all.filter((s) => only.includes(s.name));

let passed = 0;
let failed = 0;
const started = performance.now();
for (const scenario of chosen) {
  console.log(`\n== ${scenario.name}: ${scenario.what}`);
  const t = performance.now();
  const log = captureStoreLog();
  try {
    const result = await scenario.run();
    const seconds = ((performance.now() - t) / 1000).toFixed(1);
    console.log(`   tried:   ${Object.entries(result.tried).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (result.figures !== undefined) console.log(`   figures: ${Object.entries(result.figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const logged = log.summary();
    if (logged.length > 0) console.log(`   store log: ${logged.join('; ')}`);
    if (result.lost.length === 0) {
      console.log(`   lost:    nothing (${seconds} s)`);
      passed++;
    } else {
      console.log(`   lost:`);
      for (const line of result.lost) console.log(`     - ${line}`);
      failed++;
    }
  } catch (error) {
    console.log(`   crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    failed++;
  } finally {
    log.stop();
  }
}
console.log(`\nreliability: ${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failed === 0 ? 0 : 1;
