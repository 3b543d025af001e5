// The platform failing (a share of 503s), down (connections refused) and slow (answers after the
// extensions' 8 s deadline). Actions must answer 502/504 with a clear error, the session must survive
// unchanged, and the shopper's next call must succeed once the platform is back, with every line item
// that was confirmed still in the cart.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { errorOf, RawShopper } from '../support/rawShopper.js';
import { Losses, sleep, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { openStore, type CartView, type StoreClient } from '../support/storeClient.js';

const SHOPPERS = 10;
const FAILING_ATTEMPTS = 8;
const UNAVAILABLE_RATE = 0.3;
/** Above the extensions' commercetools deadline (8 s), below the hub's action timeout (10 s). */
const SLOW_MS = 8_500;

interface Tracked {
  readonly shopper: RawShopper;
  /** Units confirmed by a 2xx answer. */
  confirmed: number;
  /** Units whose add was answered 504 while the slow platform may still have applied it. */
  uncertain: number;
  /** The shopper's cart: it must stay theirs through every fault. */
  readonly cartId: unknown;
}

const units = (cart: CartView): number => cart.lineItems.reduce((sum, item) => sum + item.quantity, 0);

async function platformBack(client: StoreClient): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${client.platform.url}/__platform/health`).then((r) => r.ok, () => false)) return;
    await sleep(25);
  }
  throw new Error('the platform did not come back');
}

/** One faulted call: a 2xx is fine (and counted), anything else must be one of `allowed` with a clear error and the session unchanged. */
async function faulted(t: Tracked, losses: Losses, allowed: Readonly<Record<number, readonly string[]>>, statuses: Map<string, number>): Promise<boolean> {
  const before = t.shopper.session();
  const answer = await t.shopper.call('cart/addToCart', { sku: 'MUG-ENAMEL-01' }, losses);
  const error = errorOf(answer.json);
  statuses.set(`${answer.status}${error ? ` ${error.code}` : ''}`, (statuses.get(`${answer.status}${error ? ` ${error.code}` : ''}`) ?? 0) + 1);
  if (answer.status === 200) {
    t.confirmed++;
    return true;
  }
  if (!(allowed[answer.status] ?? []).includes(error?.code ?? '')) losses.add('unexpected answer', `${t.shopper.name}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 160)}`);
  if (!isDeepStrictEqual(t.shopper.session(), before)) losses.add('session changed by a failed call', t.shopper.name);
  return false;
}

/** After the platform is back: the next call succeeds and the cart holds every confirmed unit. */
async function recovered(t: Tracked, losses: Losses, phase: string): Promise<void> {
  const next = await t.shopper.call('cart/addToCart', { sku: 'PEN-FOUNTAIN-F' }, losses);
  if (next.status !== 200) {
    losses.add(`next call failed after ${phase}`, `${t.shopper.name}: ${next.status} ${JSON.stringify(next.json).slice(0, 160)}`);
    return;
  }
  t.confirmed++;
  const cart = await t.shopper.call('cart/getCart', {}, losses);
  if (cart.status !== 200) {
    losses.add(`getCart failed after ${phase}`, `${t.shopper.name}: ${cart.status}`);
    return;
  }
  if (t.shopper.session()['cartId'] !== t.cartId || (cart.json as CartView).id !== t.cartId) losses.add(`cart replaced after ${phase}`, t.shopper.name);
  const have = units(cart.json as CartView);
  if (have < t.confirmed) losses.add(`confirmed units lost after ${phase}`, `${t.shopper.name}: cart has ${have}, ${t.confirmed} confirmed`);
  if (have > t.confirmed + t.uncertain) losses.add(`units appeared from nowhere after ${phase}`, `${t.shopper.name}: cart has ${have}, at most ${t.confirmed + t.uncertain} expected`);
  // What the slow platform applied after answering late is now known: count it as confirmed.
  t.uncertain = 0;
  t.confirmed = have;
}

export const faults: Scenario = {
  name: 'faults',
  what: `${SHOPPERS} shoppers (guests and customers) while the platform fails ${UNAVAILABLE_RATE * 100}% of requests, is down, and is slow (${SLOW_MS} ms)`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const statuses = new Map<string, number>();
    let calls = 0;
    try {
      const tracked: Tracked[] = [];
      for (let i = 0; i < SHOPPERS; i++) {
        const shopper = new RawShopper(i % 2 === 0 ? `guest-${i}` : `customer-${i}`, client);
        if (i % 2 === 1) await shopper.call('account/register', { email: `faults-${randomUUID()}@example.com`, password: 'faults-pass-1' });
        const first = await shopper.call('cart/addToCart', { sku: 'LAMP-READ-01' });
        if (first.status !== 200) throw new Error(`setting up ${shopper.name} failed: ${first.status}`);
        tracked.push({ shopper, confirmed: 1, uncertain: 0, cartId: shopper.session()['cartId'] });
      }

      // Failing: a seeded share of 503s from the platform becomes 502 PLATFORM_UNAVAILABLE/PLATFORM_ERROR.
      client.platform.faults.set({ unavailableRate: UNAVAILABLE_RATE, seed: 11 });
      let failed = 0;
      await Promise.all(
        tracked.map(async (t) => {
          for (let i = 0; i < FAILING_ATTEMPTS; i++) {
            calls++;
            if (!(await faulted(t, losses, { 502: ['PLATFORM_UNAVAILABLE', 'PLATFORM_ERROR'] }, statuses))) failed++;
          }
        }),
      );
      client.platform.faults.reset();
      await Promise.all(tracked.map((t) => recovered(t, losses, 'failing')));
      calls += SHOPPERS * 2;

      // Down: connections refused.
      client.platform.faults.set({ refuseConnections: true });
      await Promise.all(tracked.map(async (t) => void (await faulted(t, losses, { 502: ['PLATFORM_UNAVAILABLE'] }, statuses))));
      calls += SHOPPERS;
      client.platform.faults.reset();
      await platformBack(client);
      await Promise.all(tracked.map((t) => recovered(t, losses, 'down')));
      calls += SHOPPERS * 2;

      // Slow: every answer comes after the deadline. The platform still applies the update late, so a
      // 504 is an uncertain outcome, never a lost one.
      client.platform.faults.set({ latencyMs: SLOW_MS });
      const slowStart = performance.now();
      await Promise.all(
        tracked.map(async (t) => {
          if (!(await faulted(t, losses, { 504: ['PLATFORM_TIMEOUT'] }, statuses))) t.uncertain++;
        }),
      );
      const slowSeconds = (performance.now() - slowStart) / 1000;
      calls += SHOPPERS;
      client.platform.faults.reset();
      await sleep(SLOW_MS - slowSeconds * 1000 + 500); // let the late updates land before reading the carts
      await Promise.all(tracked.map((t) => recovered(t, losses, 'slow')));
      calls += SHOPPERS * 2;

      return {
        tried: { shoppers: SHOPPERS, calls, 'calls under faults': SHOPPERS * (FAILING_ATTEMPTS + 2) },
        lost: losses.list(),
        figures: {
          answers: [...statuses.entries()].sort().map(([k, n]) => `${k}×${n}`).join(' '),
          'failed while failing': failed,
          'slow answers after (s)': Number(slowSeconds.toFixed(1)),
          'confirmed units kept': tracked.reduce((sum, t) => sum + t.confirmed, 0),
        },
      };
    } finally {
      client.platform.faults.reset();
      await client.close();
    }
  },
};
