// @ctp-session/session as its users meet it: installed from its tarball into fresh projects, used as its README says.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub, type Hub } from '@ctp-session/hub';
import { call, createBrowser, createSdk, dataOf } from '@ctp-session/hub/testing';
import { createConsumer, tarball, type Consumer } from './support/consumer.js';

const INSTALL_TIMEOUT_MS = 180_000;

describe('@ctp-session/session in an ESM, CommonJS and TypeScript project', () => {
  let consumer: Consumer;
  beforeAll(async () => {
    consumer = await createConsumer('session', { '@ctp-session/session': `file:${tarball('session')}`, typescript: '5.9.3' });
    // One typed file, compiled as an ES module and as CommonJS (node16), and for a bundler.
    const typed = readFileSync(join(consumer.dir, 'typed.ts'), 'utf8');
    for (const path of ['node16/esm.mts', 'node16/cjs.cts', 'bundler/check.ts']) consumer.write(path, typed);
  }, INSTALL_TIMEOUT_MS);
  afterAll(() => consumer?.remove());

  const expected = {
    written: { statusCode: 200, body: '{}', sessionData: { cartId: 'cart-2', other: 'kept' } },
    refused: { statusCode: 500, body: JSON.stringify({ code: 'SESSION_TOO_LARGE', isTooLarge: true }) },
    readOnly: true,
  };

  it(`ESM (import) on Node ${process.versions.node}: a write keeps every key, an over-size one is refused, reads are read-only`, async () => {
    expect(JSON.parse(await consumer.node('esm.mjs'))).toEqual(expected);
  });

  it(`CommonJS (require) on Node ${process.versions.node}: the same`, async () => {
    expect(JSON.parse(await consumer.node('cjs.cjs'))).toEqual(expected);
  });

  it.each(['node16', 'bundler'])('TypeScript with %s resolution and strict: the typed API compiles, and the misuses the README names are type errors', async (folder) => {
    await consumer.exec('tsc', ['-p', join(folder, 'tsconfig.json')]);
  });
});

describe('@ctp-session/session in a launchpad-style backend (tsup CommonJS bundle, node10 resolution, strict off)', () => {
  let consumer: Consumer;
  let hub: Hub;
  beforeAll(async () => {
    // The launchpads' own tool versions: tsup 8, TypeScript 4 (scaffold-b2c 1.1.2 asks for ^4.3.5).
    consumer = await createConsumer('launchpad-backend', { '@ctp-session/session': `file:${tarball('session')}`, tsup: '8.5.1', typescript: '4.9.5' });
    await consumer.exec('tsup', []);
    hub = await startHub({ bundle: join(consumer.dir, 'build', 'bundle.min.js'), port: 0, watch: false, logger: { log: () => undefined } });
  }, INSTALL_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    consumer?.remove();
  });

  it('type-checks with the launchpad-style tsconfig', async () => {
    await consumer.exec('tsc', ['-p', 'tsconfig.json']);
  });

  it('its bundle runs on the hub: each action sets only its own keys and nothing of the others is lost (the real frontend-sdk)', async () => {
    const sdk = createSdk(hub.url);
    const shopper = createBrowser();
    expect(dataOf(await call(sdk, shopper, 'cart/addToCart', { sku: 'MUG' }))).toEqual({ cartId: 'cart-MUG' });
    expect(dataOf(await call(sdk, shopper, 'account/login', { email: 'ada@example.com' }))).toEqual({ loggedIn: true });
    expect(dataOf(await call(sdk, shopper, 'cart/getCart'))).toEqual({ cartId: 'cart-MUG' });
    expect(dataOf(await call(sdk, shopper, 'account/whoAmI'))).toMatchObject({ cartId: 'cart-MUG', customerId: 'customer-ada@example.com', wishlistId: 'wishlist-1' });
    dataOf(await call(sdk, shopper, 'account/logout'));
    // signout() drops the shopper's references; the project's own key stays.
    expect(dataOf(await call(sdk, shopper, 'account/whoAmI'))).toEqual({ wishlistId: 'wishlist-1' });
  });
});
