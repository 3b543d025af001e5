// Platform requests per action, and the time each action spends outside the platform (session,
// validation, mapping), measured in-process on the built bundle against the embedded platform.
// Request counts come from the platform's counters; "outside" is an action's total time minus the
// time its fetch calls took, so platform speed does not colour the figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '@ctp-session/platform';
import type { ActionHandler, ActionResponse } from '@ctp-session/session';
import { buildBundle } from '../tools/buildBundle.js';

const ROUNDS = 30;

const dir = mkdtempSync(join(tmpdir(), 'extensions-bench-'));
const bundlePath = join(dir, 'bundle.min.js');
await buildBundle(bundlePath);
const loaded = createRequire(import.meta.url)(bundlePath) as { default: { actions: Record<string, Record<string, ActionHandler>> } };
const { actions } = loaded.default;
const platform = await startPlatform({ port: 0 });

let fetchNs = 0n;
const realFetch = globalThis.fetch;
// The body is read inside the timed span: receiving it is the platform's time, not ours.
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  const start = process.hrtime.bigint();
  try {
    const answer = await realFetch(...args);
    const body = await answer.arrayBuffer();
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  } finally {
    fetchNs += process.hrtime.bigint() - start;
  }
};

const context = {
  frontasticContext: {
    environment: 'development',
    project: { projectId: 'bench', name: 'bench', customer: 'bench', configuration: {}, locales: ['en_US'], defaultLocale: 'en_US' },
    locale: 'en_US',
    featureFlags: {},
    projectConfiguration: {
      EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
      EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
      EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
      EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
      EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
    },
  },
};

/** A shopper's session as the hub keeps it: replaced by a response's sessionData, cleared by null. */
class Shopper {
  session: unknown = {};
  async call(name: string, body: unknown = {}): Promise<{ response: ActionResponse; requests: number; outsideNs: bigint; platformNs: bigint }> {
    const [namespace, action] = name.split('/') as [string, string];
    const handler = actions[namespace]?.[action];
    if (handler === undefined) throw new Error(`no action ${name}`);
    platform.counters.reset();
    fetchNs = 0n;
    const start = process.hrtime.bigint();
    const response = await handler({ method: 'POST', path: `/frontastic/action/${name}`, query: {}, body: JSON.stringify(body), sessionData: this.session }, context);
    const totalNs = process.hrtime.bigint() - start;
    if (response.statusCode >= 300) throw new Error(`${name} answered ${response.statusCode}: ${response.body}`);
    if ('sessionData' in response) this.session = response.sessionData ?? {};
    return { response, requests: platform.counters.snapshot().total, outsideNs: totalNs - fetchNs, platformNs: fetchNs };
  }
}

type Scenario = { name: string; target: string; launchpad: string; run: () => Promise<{ requests: number; outsideNs: bigint; platformNs: bigint }> };

async function shopperWithCart(): Promise<{ shopper: Shopper; lineItemId: string }> {
  const shopper = new Shopper();
  const { response } = await shopper.call('cart/addToCart', { sku: 'MUG-ENAMEL-01' });
  const cart = JSON.parse(response.body ?? '{}') as { lineItems: Array<{ id: string }> };
  return { shopper, lineItemId: cart.lineItems[0]?.id ?? '' };
}

const { email, password } = platform.demoCustomer;
const scenarios: Scenario[] = [
  { name: 'getCart (no cart)', target: '0', launchpad: '-', run: () => new Shopper().call('cart/getCart') },
  { name: 'getCart (existing cart)', target: '1', launchpad: '-', run: async () => (await shopperWithCart()).shopper.call('cart/getCart') },
  { name: 'addToCart (first)', target: '≤ 2', launchpad: '2', run: () => new Shopper().call('cart/addToCart', { sku: 'MUG-ENAMEL-01' }) },
  { name: 'addToCart (later)', target: '1', launchpad: '2', run: async () => (await shopperWithCart()).shopper.call('cart/addToCart', { sku: 'PAN-CAST-26' }) },
  {
    name: 'updateLineItem',
    target: '1',
    launchpad: '2',
    run: async () => {
      const { shopper, lineItemId } = await shopperWithCart();
      return shopper.call('cart/updateLineItem', { lineItemId, count: 3 });
    },
  },
  {
    name: 'removeLineItem',
    target: '1',
    launchpad: '2',
    run: async () => {
      const { shopper, lineItemId } = await shopperWithCart();
      return shopper.call('cart/removeLineItem', { lineItemId });
    },
  },
  { name: 'checkout', target: '≤ 2', launchpad: '3', run: async () => (await shopperWithCart()).shopper.call('cart/checkout', { shippingAddress: { country: 'DE' } }) },
  { name: 'login with merge', target: '≤ 2', launchpad: '2', run: async () => (await shopperWithCart()).shopper.call('account/login', { email, password }) },
];

const median = (values: bigint[]): bigint => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.floor(values.length / 2)] ?? 0n;

try {
  await new Shopper().call('account/login', { email, password }); // warm the API client's token, as in steady state
  console.log(`extensions: platform requests per action and time outside the platform (median of ${ROUNDS})`);
  console.log(`  ${'action'.padEnd(26)} ${'requests'.padStart(8)} ${'target'.padStart(7)} ${'launchpad'.padStart(9)} ${'outside platform'.padStart(17)} ${'in platform'.padStart(12)} ${'outside/in'.padStart(10)}`);
  for (const scenario of scenarios) {
    const counts = new Set<number>();
    const outside: bigint[] = [];
    const inside: bigint[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { requests, outsideNs, platformNs } = await scenario.run();
      counts.add(requests);
      outside.push(outsideNs);
      inside.push(platformNs);
    }
    const requests = [...counts].sort().join('/');
    const [out, ins] = [Number(median(outside)) / 1000, Number(median(inside)) / 1000];
    const ratio = ins === 0 ? '-' : (out / ins).toFixed(2);
    console.log(
      `  ${scenario.name.padEnd(26)} ${requests.padStart(8)} ${scenario.target.padStart(7)} ${scenario.launchpad.padStart(9)} ${`${out.toFixed(0)} µs`.padStart(17)} ${`${ins.toFixed(0)} µs`.padStart(12)} ${ratio.padStart(10)}`,
    );
  }
} finally {
  globalThis.fetch = realFetch;
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
