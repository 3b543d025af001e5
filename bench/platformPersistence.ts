// The embedded platform on a data file (SQLite) against the same platform in memory, in the same run:
// start-up on a database holding 200 customers, 1,000 carts and 500 orders, and platform requests per
// second for a shopper's journey.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type Started } from '../packages/platform/bench/processes.js';
import { against, figure, type Figure } from './figures.js';

const ROUNDS = 3;
const JOURNEY_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 8;
const POPULATION = { customers: 200, carts: 1_000, orders: 500 } as const;
const BASIC = `Basic ${Buffer.from('local-platform-client:local-platform-secret').toString('base64')}`;

async function call(url: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

async function token(url: string, path: string, form: string): Promise<string | undefined> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return response.ok ? ((await response.json()) as { access_token: string }).access_token : undefined;
}

async function ready(url: string): Promise<boolean> {
  const admin = await token(url, '/oauth/token', 'grant_type=client_credentials');
  if (admin === undefined) return false;
  const products = await call(url, 'GET', '/demo/product-projections?limit=1', admin);
  return products.status === 200 && (products.body as { total: number }).total >= 12;
}

const start = (dataFile: string | undefined): Promise<Started> => spawnServer('src/cli.ts', dataFile === undefined ? {} : { PLATFORM_DATA_FILE: dataFile }, ready);

/** Runs `work(i)` for i in 0..count-1, `CONCURRENCY` at a time. */
async function inParallel(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { for (let index = next++; index < count; index = next++) await work(index); }));
}

/** 200 customers, 1,000 carts (five per customer, with a line item), 500 of them ordered: through the platform's API. */
async function populate(url: string): Promise<void> {
  const admin = (await token(url, '/oauth/token', 'grant_type=client_credentials')) ?? '';
  const customers: string[] = [];
  await inParallel(POPULATION.customers, async (index) => {
    const created = await call(url, 'POST', '/demo/customers', admin, { email: `bench-${index}-${randomUUID()}@example.com`, password: 'bench-password' });
    customers[index] = created.body.customer.id as string;
  });
  await inParallel(POPULATION.carts, async (index) => {
    const customerId = customers[index % customers.length];
    const cart = await call(url, 'POST', '/demo/carts', admin, { currency: 'EUR', customerId, lineItems: [{ sku: 'MUG-ENAMEL-01', quantity: 1 + (index % 3) }] });
    if (cart.status !== 201) throw new Error(`populating: cart ${cart.status} ${JSON.stringify(cart.body)}`);
    if (index < POPULATION.orders) {
      const order = await call(url, 'POST', '/demo/orders', admin, { cart: { typeId: 'cart', id: cart.body.id }, version: cart.body.version });
      if (order.status !== 201) throw new Error(`populating: order ${order.status} ${JSON.stringify(order.body)}`);
    }
  });
}

/** A guest's journey: token, cart, two items, the active cart, sign-up (the cart follows), the customer's token and cart, order: nine platform requests. */
async function journey(url: string, count: (ok: boolean) => void): Promise<void> {
  const guest = await token(url, '/oauth/demo/anonymous/token', 'grant_type=client_credentials');
  count(guest !== undefined);
  let cart = await call(url, 'POST', '/demo/me/carts', guest, { currency: 'EUR' });
  count(cart.status === 201);
  for (const sku of ['MUG-ENAMEL-01', 'PEN-FOUNTAIN-F']) {
    cart = await call(url, 'POST', `/demo/me/carts/${cart.body.id}`, guest, { version: cart.body.version, actions: [{ action: 'addLineItem', sku }] });
    count(cart.status === 200);
  }
  const active = await call(url, 'GET', '/demo/me/active-cart', guest);
  count(active.status === 200);
  const signup = await call(url, 'POST', '/demo/me/signup', guest, { email: `journey-${randomUUID()}@example.com`, password: 'journey-password' });
  count(signup.status === 201);
  const customer = await token(url, '/oauth/demo/customers/token', new URLSearchParams({ grant_type: 'password', username: signup.body.customer.email, password: 'journey-password' }).toString());
  count(customer !== undefined);
  const current = await call(url, 'GET', '/demo/me/active-cart', customer);
  count(current.status === 200);
  const order = await call(url, 'POST', '/demo/me/orders', customer, { id: current.body.id, version: current.body.version });
  count(order.status === 201);
}

async function journeyRps(url: string): Promise<{ rps: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + JOURNEY_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) await journey(url, (ok) => (ok ? done++ : failed++)).catch(() => failed++);
    }),
  );
  return { rps: done / ((performance.now() - started) / 1000), failed };
}

export async function measurePlatformPersistence(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-platform-data-'));
  try {
    const populated = join(dir, 'populated.sqlite');
    const populating = await start(populated);
    const populateStarted = performance.now();
    await populate(populating.url);
    const populateMs = performance.now() - populateStarted;
    await populating.stop();

    const best = { sqlite: Number.POSITIVE_INFINITY, memory: Number.POSITIVE_INFINITY };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, file] of [['sqlite', populated], ['memory', undefined]] as const) {
        const server = await start(file);
        best[name] = Math.min(best[name], server.startupMs);
        await server.stop();
      }
    }

    // Each journey run on a new process: in memory or on a new file, empty (the seed) or populated as above.
    const run = async (file: string | undefined, populate_: boolean): Promise<{ rps: number; failed: number }> => {
      const server = await start(file);
      try {
        if (populate_ && file === undefined) await populate(server.url);
        return await journeyRps(server.url);
      } finally {
        await server.stop();
      }
    };
    const memory = await run(undefined, false);
    const sqlite = await run(join(dir, 'fresh.sqlite'), false);
    const memoryPopulated = await run(undefined, true);
    const sqlitePopulated = await run(populated, true);
    const failed = [memory, sqlite, memoryPopulated, sqlitePopulated].reduce((sum, load) => sum + load.failed, 0);
    const group = 'platform data file (SQLite)';
    return [
      figure(group, 'the populated database', Math.round(statSync(populated).size / 1024), 'KiB', { note: `${POPULATION.customers} customers, ${POPULATION.carts} carts, ${POPULATION.orders} orders, written through the API in ${(populateMs / 1000).toFixed(1)} s` }),
      against(group, `start-up on that database (best of ${ROUNDS})`, Math.round(best.sqlite), 'ms', 'in memory, seed only', Math.round(best.memory), 'spawn (node + tsx) to a catalogue answer: open, check and seed over the file'),
      against(group, 'shopper journey, platform requests/s (seed only)', Math.round(sqlite.rps), 'req/s', 'in memory', Math.round(memory.rps), `${CONCURRENCY} shoppers for ${JOURNEY_SECONDS} s: token, cart, 2 items, active cart, sign-up, customer token, active cart, order; every write synced`),
      against(group, 'shopper journey, platform requests/s (populated)', Math.round(sqlitePopulated.rps), 'req/s', 'in memory, populated the same', Math.round(memoryPopulated.rps), `on the ${POPULATION.carts}-cart database${failed > 0 ? `; ${failed} requests failed` : ''}`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node --import tsx bench/platformPersistence.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await measurePlatformPersistence()) console.log(JSON.stringify(row));
}
