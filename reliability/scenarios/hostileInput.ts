// A shopper works while attackers send 16 KB hostile URLs, action names, page paths, query strings, session
// tokens and bodies, shaped to make a backtracking pattern (the redactor, the path trimmer) retry at every
// position. Each hostile request used to cost the hub's only thread 0.2–1.5 s; the shopper's p99 must now stay
// within 2× of a quiet run measured in the same run (20 short rounds alternate, so the shared machine's load hits both alike).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hostileRequests } from '../support/hostileRequests.js';
import { Latencies, ms } from '../support/latency.js';
import { RawShopper } from '../support/rawShopper.js';
import { Losses, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { openStore, SKUS } from '../support/storeClient.js';

const ROUNDS = 20;
const CALLS_PER_ROUND = 100;
const ATTACKERS = 4;
// A steady stream, 50 hostile requests a second in all, sent from a process of their own (an attacker is not
// in the store's process; a client in it would share the hub's thread and be measured with it).
const EACH_EVERY_MS = 80;
const ATTACKERS_SCRIPT = fileURLToPath(new URL('../support/attackers.ts', import.meta.url));

interface AttackReport {
  readonly sent: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly p50: number;
  readonly max: number;
  readonly serverErrors: readonly string[];
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`the attackers' process exited (${code})`));
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
    child.once('exit', onExit);
  });
}

/** The shopper's work: add an item, read the cart, in turn; every call must succeed. */
async function shop(shopper: RawShopper, calls: number, latencies: Latencies, losses: Losses): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const [action, payload] = i % 2 === 0 ? ['cart/addToCart', { sku: SKUS[i % SKUS.length] }] : ['cart/getCart', {}];
    const started = performance.now();
    const answer = await shopper.call(action, payload, losses);
    latencies.add(performance.now() - started);
    if (answer.status !== 200) losses.add('the shopper was refused', `${action}: ${answer.status}`);
  }
}

export const hostileInput: Scenario = {
  name: 'hostile-input',
  what: `a shopper works while ${ATTACKERS} attackers send ${(ATTACKERS * 1000) / EACH_EVERY_MS} hostile requests a second: 16 KB URLs, action names, page paths, queries, tokens and bodies`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const attackers = fork(ATTACKERS_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const losses = new Losses();
    const quiet = new Latencies();
    const underAttack = new Latencies();
    const statuses = new Map<string, number>();
    let attacks = 0;
    let hostileP50 = 0;
    let hostileMax = 0;
    try {
      const shopper = new RawShopper('shopper', client);
      // Warm up: the first calls pay for the token, the cart and the JIT.
      await shop(shopper, 20, new Latencies(), losses);
      for (let round = 0; round < ROUNDS; round++) {
        await shop(shopper, CALLS_PER_ROUND, quiet, losses);
        attackers.send({ start: { hubUrl: client.store.hubUrl, attackers: ATTACKERS, eachEveryMs: EACH_EVERY_MS } });
        await nextMessage<string>(attackers);
        await shop(shopper, CALLS_PER_ROUND, underAttack, losses);
        attackers.send('stop');
        const report = await nextMessage<AttackReport>(attackers);
        attacks += report.sent;
        hostileP50 = Math.max(hostileP50, report.p50);
        hostileMax = Math.max(hostileMax, report.max);
        for (const [status, count] of Object.entries(report.statuses)) statuses.set(status, (statuses.get(status) ?? 0) + count);
        for (const error of report.serverErrors) losses.add('a hostile request got a 5xx', error);
      }
      const quietP99 = quiet.percentile(0.99);
      const attackedP99 = underAttack.percentile(0.99);
      const ratio = attackedP99 / quietP99;
      if (!(ratio <= 2)) losses.add("the shopper's p99 under attack is more than 2× the quiet run's", `${ms(attackedP99)} against ${ms(quietP99)} (${ratio.toFixed(2)}×)`);
      return {
        tried: { 'shopper calls': quiet.count + underAttack.count, 'hostile requests of 16 KB': attacks, 'kinds of hostile request': hostileRequests().length },
        lost: losses.list(),
        figures: {
          'shopper p50 quiet': ms(quiet.percentile(0.5)),
          'shopper p99 quiet': ms(quietP99),
          'shopper p50 under attack': ms(underAttack.percentile(0.5)),
          'shopper p99 under attack': ms(attackedP99),
          'p99 ratio': `${ratio.toFixed(2)}× (at most 2×)`,
          'hostile request p50 (worst round)': ms(hostileP50),
          'hostile request max': ms(hostileMax),
          'hostile answers': [...statuses.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([status, n]) => `${status}×${n}`).join(' '),
        },
      };
    } finally {
      attackers.disconnect();
      await client.close();
    }
  },
};
