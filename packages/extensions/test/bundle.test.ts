import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from '@ctp-session/platform';
import { buildBundle } from '../tools/buildBundle.js';

// The bundle is built into a fresh folder under the OS temp dir: no node_modules anywhere above it.
// `yarn test` runs this file on Node 24 and `yarn test:node22` on Node 22, the runner's two versions:
// the bare processes below are the same Node as the test (process.execPath).
let dir: string;
let platform: Platform;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-alone-'));
  await buildBundle(join(dir, 'bundle.min.js'));
  platform = await startPlatform({ port: 0, onMail: () => undefined });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await platform?.close();
});

describe('the built bundle', () => {
  it('loads with plain require() and no node_modules, exporting exactly the three registry keys', () => {
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const loaded = require('./bundle.min.js');
       const registry = loaded.default;
       console.log(JSON.stringify({
         keys: Object.keys(registry).sort(),
         actions: Object.fromEntries(Object.entries(registry.actions).map(([ns, a]) => [ns, Object.keys(a).sort()])),
         dataSources: Object.keys(registry['data-sources']).sort(),
         handler: typeof registry['dynamic-page-handler'],
       }));`,
    );
    const output = execFileSync(process.execPath, [probe], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      keys: ['actions', 'data-sources', 'dynamic-page-handler'],
      actions: {
        account: ['confirm', 'getAccount', 'login', 'logout', 'register'],
        cart: ['addToCart', 'checkout', 'getCart', 'removeLineItem', 'updateLineItem'],
        examples: ['addFiftyRewardsPoints', 'addTwentyRewardsPoints', 'deductFiftyRewardsPoints', 'deductTwentyRewardPoints', 'getRewardPoints', 'saveCartIdInSession'],
      },
      dataSources: ['commercetools/account', 'commercetools/cart', 'commercetools/order', 'commercetools/product', 'commercetools/product-list', 'example/get-cart-id'],
      handler: 'function',
    });
  });

  it('runs an action that needs no commercetools call, in that bare process', () => {
    const probe = join(dir, 'probe-action.cjs');
    writeFileSync(
      probe,
      `const registry = require('./bundle.min.js').default;
       registry.actions.examples.addFiftyRewardsPoints({ method: 'POST', path: '/', query: {}, body: '{}', sessionData: { rewardPoints: 5, other: 'kept' } }, {})
         .then((response) => console.log(JSON.stringify(response)));`,
    );
    const response = JSON.parse(execFileSync(process.execPath, [probe], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' })) as Record<string, unknown>;
    expect(response).toEqual({ statusCode: 200, body: JSON.stringify({ rewardPoints: 55 }), sessionData: { rewardPoints: 55, other: 'kept' } });
  });

  it(`calls commercetools from that bare process on Node ${process.versions.node}: a guest's addToCart opens a cart on the platform`, async () => {
    const probe = join(dir, 'probe-commercetools.cjs');
    writeFileSync(
      probe,
      `const registry = require('./bundle.min.js').default;
       const projectConfiguration = JSON.parse(process.argv[2]);
       const request = { method: 'POST', path: '/frontastic/action/cart/addToCart', query: {}, headers: { 'frontastic-locale': ['en_US'] }, body: JSON.stringify({ sku: 'MUG-ENAMEL-01', count: 2 }), sessionData: { other: 'kept' } };
       registry.actions.cart.addToCart(request, { frontasticContext: { environment: 'development', locale: 'en_US', projectConfiguration } })
         .then((response) => console.log(JSON.stringify({ node: process.versions.node, response })));`,
    );
    const projectConfiguration = {
      EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
      EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
      EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
      EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
      EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
    };
    const { stdout } = await promisify(execFile)(process.execPath, [probe, JSON.stringify(projectConfiguration)], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    const { node, response } = JSON.parse(stdout) as { node: string; response: { statusCode: number; body: string; sessionData: Record<string, unknown> } };
    expect(node).toBe(process.versions.node);
    expect(response.statusCode).toBe(200);
    const cart = JSON.parse(response.body) as { lineItems: { sku: string; quantity: number }[] };
    expect(cart.lineItems).toEqual([expect.objectContaining({ sku: 'MUG-ENAMEL-01', quantity: 2 })]);
    // Full rewrite: the key the action does not own is kept; the cart and the guest's token are stored as references.
    expect(response.sessionData).toMatchObject({ other: 'kept', cartId: expect.any(String) });
    const carts = (await (await fetch(`${platform.apiUrl}/${platform.projectKey}/carts`, { headers: { authorization: `Bearer ${await adminToken()}` } })).json()) as { results: { id: string }[] };
    expect(carts.results.map((c) => c.id)).toContain(response.sessionData.cartId);
  });
});

async function adminToken(): Promise<string> {
  const response = await fetch(`${platform.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
