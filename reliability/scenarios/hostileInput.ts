// A shopper works while attackers send 16 KB hostile URLs, action names, page paths, query strings, session
// tokens and bodies, shaped to make a backtracking pattern (the redactor, the path trimmer) retry at every
// position. Each hostile request used to cost the hub's only thread 0.2–1.5 s; the shopper's p99 must now stay
// within 2× of a quiet run measured in the same run (rounds alternate, so the shared machine's load hits both).
import { RawShopper } from '../support/rawShopper.js';
import { Latencies, ms } from '../support/latency.js';
import { Losses, sleep, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { StatusTally } from '../support/sessionEnd.js';
import { openStore, SKUS, type StoreClient } from '../support/storeClient.js';

const ROUNDS = 5;
const CALLS_PER_ROUND = 400;
const ATTACKERS = 4;
// A steady stream, 100 hostile requests a second in all: the attackers run in the store's own process (as the
// shopper does), so an unpaced flood would measure this process's CPU, not what one request costs the hub.
const EACH_EVERY_MS = 40;
const SIZE = 16_000;

interface Hostile {
  readonly name: string;
  readonly path: string;
  readonly init: RequestInit;
}

const word = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Every kind of hostile request, each 16 KB where it hurts. */
function hostileRequests(): Hostile[] {
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return [
    { name: 'unknown URL of one long word', path: `/frontastic/${word('a')}`, init: { method: 'GET' } },
    { name: 'action name of one long word', path: `/frontastic/action/cart/${word('a')}`, init: post('{}') },
    { name: 'namespace of dotted words', path: `/frontastic/action/${word('aaaaaaaa.')}/getCart`, init: post('{}') },
    { name: 'Frontastic-Path of slashes', path: '/frontastic/page', init: post('{}', { 'frontastic-path': `/${word('/')}x`, 'frontastic-locale': 'en_US' }) },
    { name: 'Frontastic-Path of one long word', path: '/frontastic/page', init: post('{}', { 'frontastic-path': `/${word('a')}`, 'frontastic-locale': 'en_US' }) },
    { name: 'query of brackets', path: `/frontastic/action/cart/getCart?a${word('[')}]=1`, init: post('{}') },
    { name: 'session token of one long word', path: '/frontastic/action/cart/getCart', init: post('{}', { 'frontastic-session': word('a') }) },
    { name: 'body of secret names without values', path: '/frontastic/action/account/login', init: post(word('password=')) },
    { name: 'body with a 16 KB e-mail', path: '/frontastic/action/account/login', init: post(JSON.stringify({ email: `${word('a')}@example.com`, password: 'x' })) },
    { name: 'body of one long word', path: '/frontastic/action/cart/addToCart', init: post(JSON.stringify({ sku: word('a') })) },
  ];
}

async function attack(client: StoreClient, until: () => boolean, statuses: StatusTally, latencies: Latencies, losses: Losses): Promise<number> {
  const requests = hostileRequests();
  let sent = 0;
  while (!until()) {
    const hostile = requests[sent % requests.length] as Hostile;
    const started = performance.now();
    const answer = await fetch(`${client.store.hubUrl}${hostile.path}`, hostile.init);
    await answer.arrayBuffer();
    const took = performance.now() - started;
    latencies.add(took);
    statuses.add(answer.status);
    if (answer.status >= 500) losses.add('a hostile request got a 5xx', `${hostile.name}: ${answer.status}`);
    sent++;
    await sleep(Math.max(0, EACH_EVERY_MS - took));
  }
  return sent;
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
    const losses = new Losses();
    const quiet = new Latencies();
    const underAttack = new Latencies();
    const hostileLatencies = new Latencies();
    const statuses = new StatusTally();
    let attacks = 0;
    try {
      const shopper = new RawShopper('shopper', client);
      // Warm up: the first calls pay for the token, the cart and the JIT.
      await shop(shopper, 20, new Latencies(), losses);
      for (let round = 0; round < ROUNDS; round++) {
        await shop(shopper, CALLS_PER_ROUND, quiet, losses);
        let done = false;
        const attackers = Array.from({ length: ATTACKERS }, () => attack(client, () => done, statuses, hostileLatencies, losses));
        await shop(shopper, CALLS_PER_ROUND, underAttack, losses);
        done = true;
        attacks += (await Promise.all(attackers)).reduce((sum, n) => sum + n, 0);
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
          'hostile request p50': ms(hostileLatencies.percentile(0.5)),
          'hostile request max': ms(hostileLatencies.max),
          'hostile answers': statuses.toString(),
        },
      };
    } finally {
      await client.close();
    }
  },
};
