import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSession, deriveSessionKey, startHub, type Hub, type HubLogger } from '@ctp-session/hub';
import { startPlatform, type Platform, type PlatformOptions } from '@ctp-session/platform';
import { buildBundle } from '../../tools/buildBundle.js';
import { createBrowser, createSdk, type Browser, type SDK } from '../../../hub/test/support/sdk-browser.js';

export { call, createBrowser, dataOf, type Browser, type SdkResponse } from '../../../hub/test/support/sdk-browser.js';

const SESSION_SECRET = 'extensions-test-secret-0123456789abcdefghijklmnop';

export interface TestStore {
  readonly platform: Platform;
  readonly hub: Hub;
  readonly sdk: SDK;
  readonly logs: string[];
  /** A new shopper with an empty cookie jar. */
  shopper(): Browser;
  /** What the shopper's `frontastic-session` cookie holds, decoded with the hub's key ({} without one). */
  sessionOf(shopper: Browser): Promise<Record<string, unknown>>;
  /** Platform requests made while `run` ran, per route. */
  countRequests(run: () => Promise<unknown>): Promise<{ total: number; routes: Readonly<Record<string, number>> }>;
  close(): Promise<void>;
}

export interface StoreOptions {
  readonly platform?: PlatformOptions;
  /** Deadline for each commercetools call made by the extensions (default 8 s). */
  readonly commercetoolsTimeoutMs?: number;
  readonly hubTimeoutMs?: number;
}

/**
 * The embedded platform, the freshly built bundle and the hub, wired as `yarn start` wires them, on
 * free ports. Each test file gets its own, so counters and data never leak between files.
 */
export async function startStore(options: StoreOptions = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'extensions-bundle-'));
  const bundle = join(dir, 'bundle.min.js');
  await buildBundle(bundle);
  const platform = await startPlatform({ port: 0, ...options.platform });
  const logs: string[] = [];
  const logger: HubLogger = { log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`) };
  let hub: Hub;
  try {
    hub = await startHub({
      bundle,
      port: 0,
      watch: false,
      sessionSecrets: [SESSION_SECRET],
      logger,
      ...(options.hubTimeoutMs === undefined ? {} : { timeoutMs: options.hubTimeoutMs }),
      projectConfiguration: {
        commercetools: {
          EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
          EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
          EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
          EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
          EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
          ...(options.commercetoolsTimeoutMs === undefined ? {} : { EXTENSION_COMMERCETOOLS_TIMEOUT_MS: String(options.commercetoolsTimeoutMs) }),
        },
      },
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
  const sdk = createSdk(hub.url);
  return {
    platform,
    hub,
    sdk,
    logs,
    shopper: () => createBrowser(),
    sessionOf: async (shopper) => {
      const token = shopper.sessionCookie();
      if (token === undefined) return {};
      const decoded = await decodeSession(token, [await deriveSessionKey(SESSION_SECRET)]);
      if (!decoded.ok) throw new Error(`the session cookie does not decode: ${decoded.reason}`);
      return decoded.session;
    },
    countRequests: async (run) => {
      platform.counters.reset();
      await run();
      const { total, routes } = platform.counters.snapshot();
      return { total, routes };
    },
    close: async () => {
      await hub.close();
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
