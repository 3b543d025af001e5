// `yarn bench` for packages/platform: start-up time, idle RSS and add-line-item throughput,
// each against @labdigital/commercetools-mock alone (the baseline), measured in the same run.
import autocannon from 'autocannon';
import { rssMb, spawnServer, type Started } from './processes.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 8;
const CARTS = CONNECTIONS;
const RSS_LIMIT_MB = 200;
const CLIENT = { id: 'local-platform-client', secret: 'local-platform-secret' };

interface CartSlot {
  readonly id: string;
  version: number;
  readonly token?: string;
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const platformReady = async (url: string) => {
  const token = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (!token.ok) return false;
  const { access_token } = (await token.json()) as { access_token: string };
  const products = await fetch(`${url}/demo/product-projections?limit=1`, { headers: { authorization: `Bearer ${access_token}` } });
  return products.ok && ((await products.json()) as { total: number }).total >= 12;
};

const mockReady = async (url: string) => (await fetch(`${url}/demo/product-projections?limit=1`)).ok;

/** Guest carts on the platform, each with its own anonymous token (the store's real path). */
async function platformCarts(url: string): Promise<CartSlot[]> {
  const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64');
  return Promise.all(
    Array.from({ length: CARTS }, async () => {
      const token = await json(`${url}/oauth/demo/anonymous/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const cart = await json(`${url}/demo/me/carts`, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}` }, body: JSON.stringify({ currency: 'EUR' }) });
      return { id: cart.id, version: cart.version, token: token.access_token };
    }),
  );
}

/** The same on the bare mock: one product, plain carts. */
async function mockCarts(url: string): Promise<CartSlot[]> {
  const type = await json(`${url}/demo/product-types`, { method: 'POST', body: JSON.stringify({ name: 't', description: 't', key: 't' }) });
  await json(`${url}/demo/products`, {
    method: 'POST',
    body: JSON.stringify({
      key: 'mug',
      productType: { typeId: 'product-type', id: type.id },
      name: { en: 'Mug' },
      slug: { en: 'mug' },
      publish: true,
      masterVariant: { sku: 'MUG-ENAMEL-01', prices: [{ value: { currencyCode: 'EUR', centAmount: 1490 } }] },
    }),
  });
  return Promise.all(
    Array.from({ length: CARTS }, async () => {
      const cart = await json(`${url}/demo/carts`, { method: 'POST', body: JSON.stringify({ currency: 'EUR', anonymousId: 'bench' }) });
      return { id: cart.id, version: cart.version };
    }),
  );
}

/** add-line-item requests/s; every connection owns a cart and keeps its version current. */
async function addLineItemRps(url: string, carts: CartSlot[], pathPrefix: string): Promise<{ rps: number; errors: number }> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: any, context: any) => {
          context.cart ??= carts[next++ % carts.length];
          const cart = context.cart as CartSlot;
          return {
            ...request,
            path: `/demo${pathPrefix}/${cart.id}`,
            headers: { 'content-type': 'application/json', ...(cart.token ? { authorization: `Bearer ${cart.token}` } : {}) },
            body: JSON.stringify({ version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 1 }] }),
          };
        },
        onResponse: (status: number, body: string, context: any) => {
          // autocannon may build a connection's next request before this runs: a 409 then carries the version to use.
          if (status === 200) context.cart.version = (JSON.parse(body) as { version: number }).version;
          else if (status === 409) context.cart.version = (JSON.parse(body) as { errors: { currentVersion: number }[] }).errors[0]?.currentVersion;
        },
      },
    ],
  });
  // Only applied updates count: a 409 is a retry, not an added line item.
  return { rps: result['2xx'] / DURATION_S, errors: result.non2xx - conflicts(result) + result.errors };
}

function conflicts(result: autocannon.Result): number {
  return (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.['409']?.count ?? 0;
}

async function measure(label: string, start: () => Promise<Started>, carts: (url: string) => Promise<CartSlot[]>, prefix: string) {
  const server = await start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleRss = rssMb(server.child.pid as number);
    const load = await addLineItemRps(server.url, await carts(server.url), prefix);
    return { label, idleRss, ...load };
  } finally {
    await server.stop();
  }
}

/** Best of a few start-ups, alternating. The platform goes first, so warm disk caches favour the baseline. */
async function startupMs(starts: (() => Promise<Started>)[], rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 1)): Promise<number[]> {
  const best = starts.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (const [index, start] of starts.entries()) {
      const server = await start();
      best[index] = Math.min(best[index] as number, server.startupMs);
      await server.stop();
    }
  }
  return best;
}

const startMock = () => spawnServer('bench/bare-mock.ts', {}, mockReady);
const startPlatformCli = () => spawnServer('src/cli.ts', {}, platformReady);
const [platformStartup, mockStartup] = (await startupMs([startPlatformCli, startMock])) as [number, number];
const baseline = { ...(await measure('mock alone (baseline)', startMock, mockCarts, '/carts')), startupMs: mockStartup };
const platform = { ...(await measure('platform', startPlatformCli, platformCarts, '/me/carts')), startupMs: platformStartup };

const rows = [
  ['', 'start-up to first answer', 'idle RSS', 'add-line-item updates/s', 'errors'],
  ...[baseline, platform].map((r) => [r.label, `${r.startupMs.toFixed(0)} ms`, `${r.idleRss.toFixed(0)} MB`, r.rps.toFixed(0), String(r.errors)]),
  [
    'platform / baseline',
    `${(platform.startupMs / baseline.startupMs).toFixed(2)}x`,
    `${(platform.idleRss / baseline.idleRss).toFixed(2)}x`,
    `${(platform.rps / baseline.rps).toFixed(2)}x`,
    '',
  ],
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`\nplatform benchmark (${DURATION_S} s per load run, ${CONNECTIONS} connections, server on one core)`);
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
console.log(
  '\nStart-up: spawn (node + tsx) to the first useful answer; the platform also seeds its catalogue first.\n' +
    'add-line-item: the platform path is /me/carts/{id} with a guest token (token check, owner check, mock); the baseline is /carts/{id} on the mock.',
);
if (platform.idleRss > RSS_LIMIT_MB) {
  console.error(`FAIL: idle RSS ${platform.idleRss.toFixed(0)} MB is over the ${RSS_LIMIT_MB} MB budget.`);
  process.exit(1);
}
console.log(`idle RSS within the ${RSS_LIMIT_MB} MB budget.`);
