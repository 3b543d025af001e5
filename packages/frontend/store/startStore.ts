import { randomBytes } from 'node:crypto';
import { startHub, type Hub, type HubLogger } from '@ctp-session/hub';
import type { Platform, PlatformOptions } from '@ctp-session/platform';
import { ensureBundle, ensureNextBuild, type Log } from './builds.js';
import { startCommerceBackend, type CommerceBackend } from './commerceBackend.js';
import { startNextServer, type NextServer } from './nextServer.js';
import { STUDIO_PAGES } from './paths.js';
import { reservePort } from './ports.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface StoreOptions {
  /** Frontend port; 0 picks a free one. Default `PORT` or 3000. */
  readonly port?: number;
  /** Hub port; 0 picks a free one. Default `HUB_PORT` or 8080. */
  readonly hubPort?: number;
  /** Embedded platform port; 0 picks a free one. Default `PLATFORM_PORT` or 8989. */
  readonly platformPort?: number;
  /** The embedded platform's mail sink (SMTP); 0 picks a free one. Default `PLATFORM_SMTP_PORT`, else 2525, or a free one when the platform port is 0. */
  readonly smtpPort?: number;
  /** Where `CTP_*` and the ports come from. Default `process.env`. */
  readonly env?: Environment;
  /** No progress lines on the console. */
  readonly quiet?: boolean;
  /** Start the Next.js frontend too (default true). Without it `url` is the hub's. */
  readonly frontend?: boolean;
  /** Extra hub settings (e.g. a short timeout for fault tests). */
  readonly hubTimeoutMs?: number;
  /** The extensions' deadline for each commercetools call (default 8000 ms, the platform's limit). */
  readonly commercetoolsTimeoutMs?: number;
  /** Extra embedded-platform settings (e.g. a short token lifetime, a fake clock); its port stays `platformPort`. */
  readonly platform?: PlatformOptions;
}

export interface Store {
  /** The shop: the frontend's origin. */
  readonly url: string;
  readonly hubUrl: string;
  /** The embedded platform; undefined when `CTP_*` point at a real project. */
  readonly platform: Platform | undefined;
  /** The hub's session secret (newest first is the one that encodes), for tests that craft sessions. */
  readonly sessionSecret: string;
  readonly backend: string;
  close(): Promise<void>;
}

/**
 * The whole store as `yarn start` runs it: builds what is missing (the extensions bundle, the Next.js
 * production build), then starts the commerce backend (embedded platform, or a real project from
 * `CTP_*`), the hub with the bundle and the local Studio pages, and `next start`. `close()` stops all
 * three, in reverse order; a start that fails half-way stops what it had started.
 */
export async function startStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const log: Log = options.quiet ? () => undefined : (line) => console.log(`[store] ${line}`);
  const portOf = (explicit: number | undefined, variable: string, fallback: number): number => explicit ?? (env[variable] ? Number(env[variable]) : fallback);

  // Fixed ports are checked first, so a busy one fails fast with its name, before any build. Port 0 is
  // left to the hub and platform to pick as they listen; the frontend's port is held from here until
  // `next start` takes it, because the hub must know the frontend's origin before the frontend runs.
  const hubPort = portOf(options.hubPort, 'HUB_PORT', 8080);
  const platformPort = portOf(options.platformPort, 'PLATFORM_PORT', 8989);
  const smtpPort = portOf(options.smtpPort, 'PLATFORM_SMTP_PORT', platformPort === 0 ? 0 : 2525);
  const usesEmbeddedPlatform = !env.CTP_PROJECT_KEY;
  if (hubPort !== 0) await (await reservePort(hubPort, 'the API hub', 'HUB_PORT')).release();
  if (usesEmbeddedPlatform && platformPort !== 0) await (await reservePort(platformPort, 'the embedded commercetools platform', 'PLATFORM_PORT')).release();
  if (usesEmbeddedPlatform && smtpPort !== 0) await (await reservePort(smtpPort, 'the mail sink', 'PLATFORM_SMTP_PORT')).release();
  const frontendReservation = await reservePort(portOf(options.port, 'PORT', 3000), 'the frontend', 'PORT');
  const frontendPort = frontendReservation.port;

  const withFrontend = options.frontend ?? true;
  const stops: Array<() => Promise<void>> = [() => frontendReservation.release()];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const bundle = await ensureBundle(log);
    if (withFrontend) await ensureNextBuild(log);

    const backend: CommerceBackend = await startCommerceBackend(env, platformPort, {
      smtpPort,
      ...(options.quiet ? { onMail: () => undefined } : {}),
      ...options.platform,
    });
    stops.push(() => backend.close());
    log(`commerce backend: ${backend.description}`);
    if (backend.platform) log(`mail sink: SMTP ${backend.platform.smtp.host}:${backend.platform.smtp.port}, inbox ${backend.platform.mailUrl}`);

    const sessionSecret = env.HUB_SESSION_SECRET?.split(',')[0]?.trim() || randomBytes(32).toString('base64url');
    const hub: Hub = await startHub({
      bundle,
      pages: STUDIO_PAGES,
      port: hubPort,
      watch: false,
      sessionSecrets: [sessionSecret],
      corsOrigins: [`http://127.0.0.1:${frontendPort}`, `http://localhost:${frontendPort}`],
      projectConfiguration: {
        commercetools: {
          ...backend.settings,
          ...(options.commercetoolsTimeoutMs === undefined ? {} : { EXTENSION_COMMERCETOOLS_TIMEOUT_MS: String(options.commercetoolsTimeoutMs) }),
        },
      },
      ...(options.hubTimeoutMs === undefined ? {} : { timeoutMs: options.hubTimeoutMs }),
      ...(options.quiet ? { logger: quietLogger } : {}),
    });
    stops.push(() => hub.close());
    log(`API hub at ${hub.url}`);

    let url = hub.url;
    await frontendReservation.release();
    if (withFrontend) {
      const next: NextServer = await startNextServer(frontendPort, hub.url, log);
      stops.push(() => next.close());
      url = next.url;
    }

    return {
      url,
      hubUrl: hub.url,
      platform: backend.platform,
      sessionSecret,
      backend: backend.description,
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Tests keep the console clean; warnings and errors still show. */
const quietLogger: HubLogger = {
  log: (level, message, fields) => {
    if (level === 'warn' || level === 'error') console.error(`[hub] ${level} ${message}`, fields ?? {});
  },
};
