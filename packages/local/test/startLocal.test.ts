import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, createBrowser, createSdk, dataOf } from '@ctp-session/hub/testing';
import { BundleNotFoundError, LocalFileNotFoundError, LocalPortBusyError, startLocal, type Local } from '../src/index.js';

// The workspace's own extensions bundle reads the Studio fields (EXTENSION_COMMERCETOOLS_*), not project.configuration:
// the built-in project gives both. (The consumer tests run a launchpad-style bundle that reads project.configuration.)
// Built into a folder of this test's own: the extensions tests read the workspace's build at the same time.
const OWN_BUNDLE = join(mkdtempSync(join(tmpdir(), 'local-own-bundle-')), 'bundle.min.js');
const quiet = { logger: { log: () => undefined }, onMail: () => undefined };
const started: Local[] = [];
beforeAll(async () => {
  const { buildBundle } = await import('@ctp-session/extensions/build-bundle');
  await buildBundle(OWN_BUNDLE);
});
afterAll(async () => {
  for (const local of started) await local.close();
  rmSync(dirname(OWN_BUNDLE), { recursive: true, force: true });
});

describe('startLocal', () => {
  it("runs the workspace's own bundle on the built-in settings: a guest's cart, then sign-in keeps it", async () => {
    const local = await startLocal({ bundle: OWN_BUNDLE, port: 0, platformPort: 0, watch: false, ...quiet });
    started.push(local);
    expect(local.project).toBeUndefined();
    expect(local.platform.dataFile).toBeUndefined();
    const sdk = createSdk(local.hubUrl);
    const shopper = createBrowser();
    dataOf(await call(sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01', count: 2 }));
    dataOf(await call(sdk, shopper, 'account/login', local.platform.demoCustomer));
    const cart = dataOf(await call<{ lineItems: { sku: string; quantity: number }[] }>(sdk, shopper, 'cart/getCart'));
    expect(cart.lineItems).toEqual(expect.arrayContaining([expect.objectContaining({ sku: 'MUG-ENAMEL-01', quantity: 2 })]));
  });

  it('checks files before anything starts, naming the flag', async () => {
    await expect(startLocal({ bundle: 'no/such/bundle.js', port: 0, platformPort: 0, ...quiet })).rejects.toBeInstanceOf(BundleNotFoundError);
    await expect(startLocal({ bundle: OWN_BUNDLE, project: 'no/such/project.yml', port: 0, platformPort: 0, ...quiet })).rejects.toMatchObject({ code: 'LOCAL_FILE_NOT_FOUND', flag: '--project' });
    await expect(startLocal({ bundle: OWN_BUNDLE, pages: join('no', 'pages.json'), port: 0, platformPort: 0, ...quiet })).rejects.toBeInstanceOf(LocalFileNotFoundError);
    // A folder is not a bundle either.
    await expect(startLocal({ bundle: fileURLToPath(new URL('.', import.meta.url)), port: 0, platformPort: 0, ...quiet })).rejects.toBeInstanceOf(BundleNotFoundError);
  });

  it.each([
    ['port', '--port', 'the API hub'],
    ['platformPort', '--platform-port', 'the embedded commercetools platform'],
    ['smtpPort', '--smtp-port', 'the mail sink (SMTP)'],
  ] as const)('a busy %s is LocalPortBusyError naming %s', async (option, flag, part) => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const error = await startLocal({ bundle: OWN_BUNDLE, port: 0, platformPort: 0, smtpPort: 0, [option]: port, ...quiet }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LocalPortBusyError);
      expect(error).toMatchObject({ code: 'LOCAL_PORT_BUSY', port, flag, part });
    } finally {
      server.close();
    }
  });
});
