// @ctp-session/local as its users meet it: installed from its tarball into a fresh project, `ctp-local` run from
// node_modules/.bin on a launchpad-style bundle with no other file, driven by the real frontend-sdk.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { call, createBrowser, createSdk, dataOf } from '@ctp-session/hub/testing';
import { createConsumer, tarball, type Consumer } from './support/consumer.js';
import { startProcess, type RunningProcess } from './support/process.js';

const INSTALL_TIMEOUT_MS = 240_000;

describe('ctp-local from its tarball', () => {
  let consumer: Consumer;
  const ctpLocal = (): string => join(consumer.dir, 'node_modules', '.bin', 'ctp-local');
  const running: RunningProcess[] = [];
  const start = (args: readonly string[]): RunningProcess => {
    const started = startProcess(ctpLocal(), args, { cwd: consumer.dir });
    running.push(started);
    return started;
  };
  beforeAll(async () => {
    consumer = await createConsumer('local-project', { '@ctp-session/local': `file:${tarball('local')}` });
  }, INSTALL_TIMEOUT_MS);
  afterAll(async () => {
    for (const process_ of running) await process_.stop();
    consumer?.remove();
  });

  it('runs an unmodified launchpad-style bundle with no other file: add to cart, sign in with the guest items kept, check out (the real frontend-sdk)', async () => {
    const local = start(['--bundle', 'bundle.min.js', '--port', '0', '--platform-port', '0']);
    const endpoint = (await local.waitFor(/frontend-sdk endpoint:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1] ?? '';
    const output = local.output();
    expect(output).toContain('demo customer:          demo@example.com / demo-password');
    expect(output).toMatch(/mail sink:\s+SMTP 127\.0\.0\.1:\d+, every mail at http:\/\/127\.0\.0\.1:\d+\/__platform\/mail/);
    expect(output).toContain("project:                built in: the bundle's commercetools and SMTP settings point here");

    const sdk = createSdk(endpoint, 'en-US');
    const shopper = createBrowser();
    // The built-in project points the bundle's commercetools and SMTP settings at the platform and its sink.
    const smtpPort = Number(/SMTP 127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    expect(dataOf(await call(sdk, shopper, 'debug/settings'))).toMatchObject({ projectKey: 'demo', smtpHost: '127.0.0.1', smtpPort, clientHost: 'http://127.0.0.1:3000' });

    dataOf(await call(sdk, shopper, 'cart/addToCart', { variant: { sku: 'MUG-ENAMEL-01' }, count: 2 }));
    dataOf(await call(sdk, shopper, 'cart/addToCart', { variant: { sku: 'PEN-FOUNTAIN-F' }, count: 1 }));
    const account = dataOf(await call<{ email: string }>(sdk, shopper, 'account/login', { email: 'demo@example.com', password: 'demo-password' }));
    expect(account.email).toBe('demo@example.com');
    const cart = dataOf(await call<{ lineItems: { sku: string; count: number }[] }>(sdk, shopper, 'cart/getCart'));
    expect(cart.lineItems).toEqual(expect.arrayContaining([{ sku: 'MUG-ENAMEL-01', count: 2 }, { sku: 'PEN-FOUNTAIN-F', count: 1 }]));
    const order = dataOf(await call<{ orderId: string; lineItems: { sku: string }[] }>(sdk, shopper, 'cart/checkout'));
    expect(order.lineItems.map((item) => item.sku).sort()).toEqual(['MUG-ENAMEL-01', 'PEN-FOUNTAIN-F']);
    expect(dataOf(await call(sdk, shopper, 'account/getAccount'))).toEqual({ loggedIn: true });
    // The login's unawaited mail promise failed: logged, and the process still serves.
    expect(local.output()).toMatch(/unhandled|rejection/i);
    expect(local.output()).not.toContain('demo-password"');

    expect(await local.stop()).toEqual({ code: 0, signal: null });
  });

  it('--help prints the usage and exits 0; a mistaken command line is refused with the usage and exit 2', async () => {
    const help = start(['--help']);
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.output()).toContain('Usage: ctp-local --bundle <bundle.min.js> [options]');
    for (const args of [[], ['--bundle'], ['--bundle', 'bundle.min.js', '--port', 'eighty'], ['--bundle', 'bundle.min.js', '--colour']]) {
      const refused = start(args);
      expect(await refused.exited).toEqual({ code: 2, signal: null });
      expect(refused.output()).toContain('ctp-local: LOCAL_USAGE:');
      expect(refused.output()).toContain('Usage: ctp-local');
    }
  });

  it('a missing bundle, a missing project file, a bundle that does not load and a busy port are each one clear error (exit 1)', async () => {
    const missing = start(['--bundle', 'backend/build/nothing.js', '--port', '0', '--platform-port', '0']);
    expect(await missing.exited).toEqual({ code: 1, signal: null });
    expect(missing.output()).toContain(`LOCAL_BUNDLE_NOT_FOUND: No bundle at ${join(consumer.dir, 'backend/build/nothing.js')}`);

    const noProject = start(['--bundle', 'bundle.min.js', '--project', 'project.yml', '--port', '0', '--platform-port', '0']);
    expect(await noProject.exited).toEqual({ code: 1, signal: null });
    expect(noProject.output()).toContain(`LOCAL_FILE_NOT_FOUND: --project ${join(consumer.dir, 'project.yml')}: there is no such file.`);

    consumer.write('broken.js', 'module.exports = { default: { actions: { cart: { addToCart: ( } } } };');
    const broken = start(['--bundle', 'broken.js', '--port', '0', '--platform-port', '0']);
    expect(await broken.exited).toEqual({ code: 1, signal: null });
    expect(broken.output()).toContain('BUNDLE_LOAD_FAILED');
    expect(broken.output()).toContain('broken.js');

    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const busy = start(['--bundle', 'bundle.min.js', '--port', String(port), '--platform-port', '0']);
      expect(await busy.exited).toEqual({ code: 1, signal: null });
      expect(busy.output()).toContain(`LOCAL_PORT_BUSY: Port ${port} (the API hub) is in use by another program. Stop it, or choose another port with --port <port>`);
    } finally {
      server.close();
    }
  });
});
