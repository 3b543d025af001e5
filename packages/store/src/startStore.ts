import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BundleLoadError, BundleShapeError, hubOptionsFromEnv, startHub, type Hub, type HubLogger, type HubOptions } from '@ctp-session/hub';
import { checkPlatformDataFile, type Platform, type PlatformOptions } from '@ctp-session/platform';
import { createBackendReader, type BackendReader } from './backendReader.js';
import { DEFAULT_NEXT_DIST_DIR, ensureBundle, ensureNextBuild } from './builds.js';
import { chooseCommerceBackend, startCommerceBackend, type CommerceBackend } from './commerceBackend.js';
import { DEV_BUNDLE_FOLDER, openDataFolder } from './dataFolder.js';
import { startDevBundle, type DevBundle } from './devBundle.js';
import { startNextServer } from './nextServer.js';
import { allowedHostsOf, answerOwnHostOnly } from './hostGuard.js';
import { REPO_ROOT, STUDIO_PAGES, STUDIO_PROJECT } from './paths.js';
import { explainStartFailure, holdPort, InvalidPortError, type PortClaim, type PortHold } from './ports.js';
import { Progress, type Log, type StepTiming } from './progress.js';
import { startingAnswer } from './startingPage.js';
import { StoreStopRequestedError } from './stopRequested.js';
import { watchStudio } from './studioWatch.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** `production`: `yarn start`, the deployable builds. `development`: `yarn dev`, every save live. */
export type StoreMode = 'production' | 'development';

export interface StoreOptions {
  /**
   * `development` (`yarn dev`): the extensions bundle is built incrementally and type-checked on every save under
   * packages/extensions/src and packages/session/src and swapped into the running hub; Next.js runs its
   * development server (Turbopack, Fast Refresh) instead of the production build; a saved pages file is reloaded
   * and every saved Studio schema or pages file checked. Default `production` (`yarn start`).
   */
  readonly mode?: StoreMode;
  /** Frontend port; 0 picks a free one. Default `PORT` or 3000. */
  readonly port?: number;
  /** Hub port; 0 picks a free one. Default `HUB_PORT` or 8080. */
  readonly hubPort?: number;
  /** Embedded platform port; 0 picks a free one. Default `PLATFORM_PORT` or 8989. */
  readonly platformPort?: number;
  /** The embedded platform's mail sink (SMTP); 0 picks a free one. Default `PLATFORM_SMTP_PORT`, else 2525, or a free one when the platform port is 0. */
  readonly smtpPort?: number;
  /** Where `CTP_*`, `HUB_SESSION_SECRET` and the ports come from. Default `process.env`. */
  readonly env?: Environment;
  /** No progress lines on the console (warnings and errors of the hub still show). */
  readonly quiet?: boolean;
  /** Where progress lines go instead of the console. */
  readonly log?: Log;
  /** Start the Next.js frontend too (default true). Without it `url` is the hub's and no frontend port is taken. */
  readonly frontend?: boolean;
  /** The folder of the Next.js build inside packages/frontend. Default `STORE_NEXT_DIST_DIR`, else `.next`. */
  readonly nextDistDir?: string;
  /** The hub's deadline for each extension call. */
  readonly hubTimeoutMs?: number;
  /** The hub's log; default the console (only warnings and errors when `quiet`). */
  readonly hubLogger?: HubLogger;
  /** The hub's only session secret; default `HUB_SESSION_SECRET` (comma-separated, newest first: all of them decode), else a random one per start. */
  readonly sessionSecret?: string;
  /** The extensions' deadline for each commercetools call (default 8000 ms, the platform's limit). */
  readonly commercetoolsTimeoutMs?: number;
  /** The scopes the extensions ask commercetools for (EXTENSION_COMMERCETOOLS_SCOPES); default `CTP_SCOPES`, else the API client's own. */
  readonly scopes?: string;
  /** Extra embedded-platform settings (e.g. a short token lifetime, a fake clock); its port stays `platformPort`. */
  readonly platform?: PlatformOptions;
  /**
   * Extra hub settings (session lifetimes, a clock, the fault log); what the store wires itself (bundle, pages,
   * port, secrets, CORS, hosts, project configuration, timeout, logger) stays the store's.
   */
  readonly hub?: Partial<HubOptions>;
  /** Stops the start-up (and whatever it had started) when aborted. */
  readonly signal?: AbortSignal;
  /** Steps taken before `startStore` was called (`yarn start` loading its code), shown first in the summary. */
  readonly earlierSteps?: readonly StepTiming[];
  /**
   * The data folder (`yarn start`: `STORE_DATA_DIR`, else `.store/` at the repository root): the embedded platform's
   * SQLite file and the hub's development session secret, kept across restarts; one store at a time. Default:
   * none, everything in memory and a random session secret (as tests want).
   */
  readonly dataDir?: string;
  /** With `dataDir`: move the old data aside (kept as backups beside it) and start from the seed. */
  readonly fresh?: boolean;
}

export interface Store {
  readonly mode: StoreMode;
  /** The shop: the frontend's origin (the hub's without a frontend). */
  readonly url: string;
  readonly hub: Hub;
  readonly hubUrl: string;
  /** The embedded platform; undefined when `CTP_*` point at a real project. */
  readonly platform: Platform | undefined;
  /** The hub's session secret that encodes (the newest), for tests that craft sessions. */
  readonly sessionSecret: string;
  /** The data folder, or undefined when everything is in memory. */
  readonly dataDir: string | undefined;
  readonly backend: string;
  /** GET on the commerce backend's API with a read-only client credentials token. */
  readonly readBackend: BackendReader;
  /** How long each start-up step took. */
  readonly timings: readonly StepTiming[];
  /** The start-up's steps and their times, as printed by `yarn start`. */
  summary(): string;
  /** Stops every part, newest first, saying each one it stopped. */
  close(): Promise<void>;
}

interface Part {
  readonly name: string;
  /** What is printed once it stopped; default `stopped <name>`. */
  readonly stopped?: string;
  stop(): Promise<void>;
}

/**
 * The whole store as `yarn start` runs it. Every fixed port is held from the first moment (the frontend's
 * with the "store is starting" page, the hub's and platform's with a JSON 503, the mail sink's with an
 * SMTP 421) until the part that uses it listens. Then it builds what is missing (the extensions bundle,
 * the Next.js production build), starts the commerce backend (embedded platform, or a real project from
 * `CTP_*`), the hub with the bundle and the local Studio pages, and the Next.js server. `close()` stops all of
 * it, newest first; a start that fails or is aborted half-way stops what it had started.
 */
export async function startStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const log: Log = options.log ?? (options.quiet ? () => undefined : (line) => console.log(`[store] ${line}`));
  const progress = new Progress(log, options.earlierSteps);
  const signal = options.signal;
  const portOf = (explicit: number | undefined, variable: string, fallback: number): number => {
    if (explicit !== undefined) return explicit;
    const text = env[variable]?.trim() ?? '';
    if (text === '') return fallback;
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidPortError(variable, text);
    return port;
  };
  const withFrontend = options.frontend ?? true;
  const mode = options.mode ?? 'production';
  const command = mode === 'development' ? 'yarn dev' : 'yarn start';
  // The last sentence of a refused data file's error.
  const dataRecovery = `Run \`${command} --fresh\` to start from the seed: it keeps this file as a backup beside it.`;
  // Before anything is held or built: a half-set CTP_* configuration fails at once.
  const usesEmbeddedPlatform = chooseCommerceBackend(env) === 'embedded';

  const platformPort = portOf(options.platformPort, 'PLATFORM_PORT', 8989);
  const claims = {
    frontend: { port: portOf(options.port, 'PORT', 3000), part: 'the frontend', variable: 'PORT' },
    hub: { port: portOf(options.hubPort, 'HUB_PORT', 8080), part: 'the API hub', variable: 'HUB_PORT' },
    platform: { port: platformPort, part: 'the embedded commercetools platform', variable: 'PLATFORM_PORT' },
    smtp: { port: portOf(options.smtpPort, 'PLATFORM_SMTP_PORT', platformPort === 0 ? 0 : 2525), part: 'the mail sink', variable: 'PLATFORM_SMTP_PORT' },
  } satisfies Record<string, PortClaim>;

  const parts: Part[] = [];
  const stopAll = async (): Promise<void> => {
    for (const part of parts.splice(0).reverse()) {
      await part.stop().catch(() => undefined);
      log(part.stopped ?? `stopped ${part.name}`);
    }
  };
  const holdParts = new Map<PortHold, Part>();
  const hold = async (claim: PortClaim, answer: Parameters<typeof holdPort>[1]): Promise<PortHold> => {
    const held = await holdPort(claim, answer);
    const part: Part = { name: `the hold on port ${held.port} (${claim.part})`, stop: () => held.release() };
    holdParts.set(held, part);
    parts.push(part);
    return held;
  };
  /** A hold whose port its part took over is no longer ours to stop. */
  const forget = (held: PortHold): void => {
    const part = holdParts.get(held);
    const index = part === undefined ? -1 : parts.indexOf(part);
    if (index !== -1) parts.splice(index, 1);
  };
  const release = async (held: PortHold | undefined): Promise<void> => {
    if (held === undefined) return;
    forget(held);
    await held.release();
  };
  const checkpoint = (): void => {
    if (signal?.aborted) throw new StoreStopRequestedError();
  };
  const now = (): ReturnType<Progress['now']> => progress.now();
  // Each part answers its own addresses and the hosts its variable lists, the port holds included.
  const hosts = { store: allowedHostsOf(env, 'STORE_ALLOWED_HOSTS'), hub: allowedHostsOf(env, 'HUB_ALLOWED_HOSTS'), platform: allowedHostsOf(env, 'PLATFORM_ALLOWED_HOSTS') };
  const startingHolder = (part: string, allowed: readonly string[], variable: string) => ({ kind: 'http' as const, listener: answerOwnHostOnly(startingAnswer(part, now), allowed, variable) });

  try {
    // The data folder before the ports: a second store on it is refused by name (with the first one's PID), not as a busy port.
    const dataFolder = options.dataDir === undefined ? undefined : await openDataFolder(options.dataDir, { fresh: options.fresh ?? false, log, ...(signal === undefined ? {} : { signal }) });
    if (dataFolder) {
      parts.push({ name: 'the data folder', stopped: `released the data folder ${dataFolder.dir}`, stop: async () => dataFolder.release() });
      if (dataFolder.backups.length > 0) log(`--fresh: the old data is kept beside it as ${dataFolder.backups.map((path) => basename(path)).join(', ')}`);
      log(`data: ${dataFolder.dir} (kept across restarts; \`${command} --fresh\` starts from the seed)`);
      // A damaged database is refused now, not after the builds.
      if (usesEmbeddedPlatform) checkPlatformDataFile(dataFolder.platformFile, dataRecovery);
    } else {
      log('data: in memory (gone when the store stops)');
    }
    // All of HUB_SESSION_SECRET (newest first), so a rotated-out secret still decodes, as in the hub. Without it, the
    // data folder's own secret keeps every tab signed in across restarts.
    const configuredSecrets = (env.HUB_SESSION_SECRET ?? '').split(',').map((secret) => secret.trim()).filter((secret) => secret !== '');
    const sessionSecrets =
      options.sessionSecret !== undefined ? [options.sessionSecret] : configuredSecrets.length > 0 ? configuredSecrets : [dataFolder?.sessionSecret() ?? randomBytes(32).toString('base64url')];
    const sessionSecret = sessionSecrets[0] ?? '';

    // Fixed ports first, so a busy one fails fast with its name, before any build. The frontend's port is
    // held even when it is 0: the hub must know the frontend's origin before the frontend runs.
    const frontendHold = withFrontend ? await hold(claims.frontend, startingHolder('the store', hosts.store, 'STORE_ALLOWED_HOSTS')) : undefined;
    const hubHold = claims.hub.port !== 0 ? await hold(claims.hub, startingHolder('the API hub', hosts.hub, 'HUB_ALLOWED_HOSTS')) : undefined;
    const platformHold = usesEmbeddedPlatform && claims.platform.port !== 0 ? await hold(claims.platform, startingHolder('the commercetools platform', hosts.platform, 'PLATFORM_ALLOWED_HOSTS')) : undefined;
    const smtpHold = usesEmbeddedPlatform && claims.smtp.port !== 0 ? await hold(claims.smtp, { kind: 'tcp', greet: (socket) => socket.end('421 4.3.2 The store is starting; try again in a moment.\r\n') }) : undefined;
    if (frontendHold) log(`the store's address http://127.0.0.1:${frontendHold.port} answers "starting" until the store is ready`);

    const buildContext = { progress, log, ...(signal === undefined ? {} : { signal }) };
    let devBundle: DevBundle | undefined;
    if (mode === 'development') {
      // The last good bundle is kept with the data, so a restart with broken sources still serves one.
      const kept = dataFolder === undefined ? mkdtempSync(join(tmpdir(), 'store-dev-bundle-')) : join(dataFolder.dir, DEV_BUNDLE_FOLDER);
      if (dataFolder === undefined) parts.push({ name: 'the development bundle folder', stopped: `removed ${kept}`, stop: async () => rmSync(kept, { recursive: true, force: true }) });
      devBundle = await startDevBundle({ dir: kept, root: REPO_ROOT, progress, log, ...(signal === undefined ? {} : { signal }) });
      const started = devBundle;
      parts.push({ name: "the extensions bundle's incremental build and type checker", stop: () => started.close() });
    }
    const bundle = devBundle?.file ?? (await ensureBundle(buildContext));
    checkpoint();
    const distDir = options.nextDistDir ?? (env.STORE_NEXT_DIST_DIR || DEFAULT_NEXT_DIST_DIR);
    // `next dev` compiles on demand: there is nothing to build first.
    if (withFrontend && mode === 'production') await ensureNextBuild(buildContext, distDir);
    checkpoint();

    const started: CommerceBackend = await progress.step(
      'commerce backend',
      async () => {
        await release(platformHold);
        await release(smtpHold);
        try {
          return await startCommerceBackend(env, claims.platform.port, {
            smtpPort: claims.smtp.port,
            ...(options.quiet ? { onMail: () => undefined } : {}),
            ...(dataFolder ? { dataFile: dataFolder.platformFile, dataRecovery } : {}),
            allowedHosts: hosts.platform,
            ...options.platform,
          });
        } catch (error) {
          throw await explainStartFailure(error, usesEmbeddedPlatform ? [claims.platform, claims.smtp] : []);
        }
      },
      (backend) => backend.description,
    );
    parts.push({ name: started.platform ? 'the embedded commercetools platform and its mail sink' : 'the connection to the commercetools project', stop: () => started.close() });
    if (started.platform) log(`mail sink: SMTP ${started.platform.smtp.host}:${started.platform.smtp.port}, inbox ${started.platform.mailUrl}`);
    checkpoint();

    const commercetools = {
      ...started.settings,
      ...(options.commercetoolsTimeoutMs === undefined ? {} : { EXTENSION_COMMERCETOOLS_TIMEOUT_MS: String(options.commercetoolsTimeoutMs) }),
      // A real project's CTP_SCOPES are in its settings already; the option overrides them.
      ...(options.scopes === undefined || options.scopes === '' ? {} : { EXTENSION_COMMERCETOOLS_SCOPES: options.scopes }),
    };
    const hubOptions: HubOptions = {
      ...lifetimeFromEnv(env),
      ...options.hub,
      bundle,
      pages: STUDIO_PAGES,
      project: STUDIO_PROJECT,
      port: claims.hub.port,
      // In development the store swaps the bundle, the pages and the project in itself, on a good save (devBundle.ts, studioWatch.ts).
      watch: false,
      sessionSecrets,
      corsOrigins: frontendHold ? [`http://127.0.0.1:${frontendHold.port}`, `http://localhost:${frontendHold.port}`] : [],
      allowedHosts: hosts.hub,
      projectConfiguration: { commercetools },
      ...(options.hubTimeoutMs === undefined ? {} : { timeoutMs: options.hubTimeoutMs }),
      ...(options.hubLogger ? { logger: options.hubLogger } : options.quiet ? { logger: quietLogger } : {}),
    };
    const runningHub: Hub = await progress.step(
      'API hub',
      async () => {
        await release(hubHold);
        try {
          return await startHub(hubOptions).catch((error: unknown) => {
            // A fresh development bundle that throws while loading: the last good one serves instead, if there is one.
            if ((error instanceof BundleLoadError || error instanceof BundleShapeError) && devBundle?.refusedAtStart(error)) return startHub(hubOptions);
            throw error;
          });
        } catch (error) {
          throw await explainStartFailure(error, [claims.hub]);
        }
      },
      (hub) => `at ${hub.url}`,
    );
    parts.push({ name: 'the API hub', stop: () => runningHub.close() });
    if (devBundle !== undefined) {
      devBundle.serve(runningHub);
      const studio = watchStudio(runningHub, { log, root: REPO_ROOT });
      parts.push({ name: "the watch on Studio's schemas and pages", stopped: "stopped watching Studio's schemas and pages", stop: () => studio.close() });
    }
    checkpoint();

    let url = runningHub.url;
    if (frontendHold) {
      // Not released: the socket is handed to Next.js, so the starting page answers until the store does.
      // A failure is the server's own (FrontendStartError): the hold is still ours, nobody took the port.
      const server = mode === 'development' ? 'frontend server (next dev, Turbopack)' : 'frontend server (Next.js)';
      const next = await progress.step(
        server,
        () => startNextServer(frontendHold, runningHub.url, { distDir, allowedHosts: hosts.store, ...(signal === undefined ? {} : { signal }), ...(mode === 'development' ? { dev: { log } } : {}) }),
        (started) => `at ${started.url}`,
      );
      forget(frontendHold);
      parts.push({ name: `the ${server}`, stop: () => next.close() });
      url = next.url;
    }
    checkpoint();

    return {
      mode,
      url,
      hub: runningHub,
      hubUrl: runningHub.url,
      platform: started.platform,
      sessionSecret,
      dataDir: dataFolder?.dir,
      backend: started.description,
      readBackend: createBackendReader(commercetools),
      timings: progress.timings,
      summary: () => progress.summary(),
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw signal?.aborted ? new StoreStopRequestedError() : error;
  }
}

/** The hub's session lifetimes, as `yarn start:hub` reads them (HUB_SESSION_IDLE_SECONDS, HUB_SESSION_ABSOLUTE_SECONDS). */
function lifetimeFromEnv(env: Environment): Partial<HubOptions> {
  const { sessionIdleSeconds, sessionAbsoluteSeconds } = hubOptionsFromEnv({ HUB_SESSION_IDLE_SECONDS: env.HUB_SESSION_IDLE_SECONDS, HUB_SESSION_ABSOLUTE_SECONDS: env.HUB_SESSION_ABSOLUTE_SECONDS });
  return { ...(sessionIdleSeconds === undefined ? {} : { sessionIdleSeconds }), ...(sessionAbsoluteSeconds === undefined ? {} : { sessionAbsoluteSeconds }) };
}

/** Tests keep the console clean; warnings and errors still show. */
const quietLogger: HubLogger = {
  log: (level, message, fields) => {
    if (level === 'warn' || level === 'error') console.error(`[hub] ${level} ${message}`, fields ?? {});
  },
};
