import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from '../tools/buildBundle.js';

// The bundle is built into a fresh folder under the OS temp dir: no node_modules anywhere above it.
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-alone-'));
  await buildBundle(join(dir, 'bundle.min.js'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
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
        account: ['getAccount', 'login', 'logout', 'register'],
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
});
