import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BundleHolder, type BundleSwap } from './bundle/bundle-holder.js';
import { HubError, ProjectConfigurationError } from './errors.js';
import { handleCors } from './http/cors.js';
import { createHostCheck, shownHost } from './http/host-check.js';
import { applyServerLimits, connectionsCheckingInterval } from './http/server-limits.js';
import { HEADER } from './http/header-names.js';
import { sendError } from './http/respond.js';
import type { HubState } from './hub-state.js';
import { createBundleConsole } from './log/bundle-console.js';
import { createConsoleLogger, redactingLogger } from './log/logger.js';
import { resolveHubOptions, type HubOptions } from './options.js';
import { createStudioStore } from './pages/studio-store.js';
import { flattenProjectConfiguration } from './project/flatten-configuration.js';
import { resolveProject } from './project/resolve-project.js';
import { describeError } from './routes/extension-failure.js';
import { route } from './routes/router.js';
import { BundleTimers } from './run/bundle-timers.js';
import { runInExtensionScope, type BundleFault } from './run/extension-scope.js';
import { FaultLog } from './run/fault-log.js';
import { deriveSessionKey, deriveSessionKeys } from './session/keys.js';
import { resolveSecrets } from './session/secrets.js';
import { TokenCache } from './session/token-cache.js';

export interface Hub {
  /** `http://127.0.0.1:<port>`, the frontend-sdk's `endpoint`. */
  readonly url: string;
  readonly port: number;
  readonly environment: string;
  readonly usesDevelopmentSecret: boolean;
  /** Increments on every successful bundle (re)load. */
  readonly bundleVersion: number;
  /** Reloads the bundle from disk now; false (and the old bundle kept) when the new one fails to load. */
  reloadBundle(): boolean;
  /**
   * Reloads the bundle from disk now and says what happened instead of logging it (for a program that reports
   * itself, as `yarn dev` does). Calls already running finish on the bundle they started on.
   */
  swapBundle(): BundleSwap;
  /** Reads the pages file again now and says what happened; a broken file leaves the previous pages serving. */
  reloadPages(): PagesReload;
  /**
   * Reads the project file again now and says what happened; a broken file leaves the previous project in use.
   * Requests already running keep the project they started with. A project given as settings has nothing to re-read.
   */
  reloadProject(): ProjectReload;
  close(): Promise<void>;
}

export type { BundleSwap };
export type PagesReload = { readonly reloaded: true; readonly pageFolders: number } | { readonly reloaded: false; readonly error: HubError };
export type ProjectReload = { readonly reloaded: true; readonly projectId: string; readonly locales: readonly string[] } | { readonly reloaded: false; readonly error: HubError };

const asHubError = (error: unknown, code: HubError['code']): HubError => (error instanceof HubError ? error : new HubError(code, String(error), { cause: error }));

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function splitUrl(url: string): { path: string; search: string } {
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, search: '' } : { path: url.slice(0, mark), search: url.slice(mark + 1) };
}

/** Extensions get a JSON copy of the context on every call, as the platform sends it: it must survive one. */
function assertJson(context: unknown): void {
  try {
    JSON.stringify(context);
  } catch (error) {
    throw new ProjectConfigurationError(`The project or project configuration cannot be sent to extensions as JSON (${error instanceof Error ? error.message : String(error)}); give plain values only.`);
  }
}

/**
 * Starts the local API hub on 127.0.0.1. Throws a `HubError` (bundle that fails to load, invalid pages,
 * missing secret in production, …) before listening, so a broken set-up never half-starts.
 */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
  const logger = redactingLogger(options.logger ?? createConsoleLogger());
  const resolved = resolveHubOptions(options, flattenProjectConfiguration(options.projectConfiguration));
  assertJson(resolved.context);
  const secrets = resolveSecrets(options.sessionSecrets, resolved.environment);
  const faultLog = new FaultLog(logger, resolved.faultLog, resolved.now);
  const reportBundleFault = (fault: BundleFault): void => faultLog.report(fault);
  const timers = new BundleTimers(resolved.timerLeakThreshold, (leak) =>
    logger.log('warn', "bundle code keeps timers alive that it never cleared (setInterval, setTimeout): each holds its callback's memory until it is cleared; clear them when their work is done (reported once)", {
      live: leak.live,
      threshold: leak.threshold,
      busiest: leak.busiest,
      busiestCount: leak.busiestCount,
    }),
  );
  // Timers and promises the bundle starts while it is evaluated stay attributed to it.
  const bundles = new BundleHolder(
    resolved.bundle,
    logger,
    (run) => runInExtensionScope({ what: 'bundle load', requestId: undefined, reportFault: reportBundleFault }, run),
    { console: createBundleConsole(), ...timers.globals },
  );
  const studio = createStudioStore(resolved.pages, resolved.watch, (error) =>
    logger.log('error', 'pages file reload failed; the previous pages are still serving', { reason: error instanceof Error ? error.message : String(error) }),
  );
  const keys = await deriveSessionKeys(secrets.secrets);
  const issuingKey = await deriveSessionKey(secrets.secrets[0]);
  const sessionPolicy = { environment: resolved.environment, lifetime: resolved.sessionLifetime, now: resolved.now };
  // Replaced whole when the project file is reloaded: each request routes with the state it started with.
  let state: HubState = { options: resolved, bundles, studio, keys, issuingKey, tokenCache: new TokenCache(), sessionPolicy, logger, usesDevelopmentSecret: secrets.isDevelopmentDefault, reportBundleFault };
  const origins = new Set(resolved.corsOrigins);
  // Known once the port is: nothing is served before that.
  let ownHost: (host: string | undefined) => boolean = () => false;

  const server = createServer({ connectionsCheckingInterval: connectionsCheckingInterval(resolved.serverLimits) }, (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    res.setHeader(HEADER.requestId, requestId);
    // Every answer is built for one shopper's session (or is a developer's view): no cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    if (!ownHost(req.headers.host)) {
      req.resume();
      const port = (server.address() as AddressInfo).port;
      sendError(
        res,
        403,
        'HOST_NOT_ALLOWED',
        `This hub answers requests for its own addresses (127.0.0.1:${port}, localhost:${port}) and the hosts in HUB_ALLOWED_HOSTS (the allowedHosts option) only, not for Host ${shownHost(req.headers.host)}: a web page can reach local servers through a name it controls. If you reach the hub through that name, add it to HUB_ALLOWED_HOSTS.`,
        requestId,
      );
      return;
    }
    if (handleCors(req, res, origins)) return;
    const { path, search } = splitUrl(req.url ?? '/');
    route(state, { req, res, path, search, requestId }).catch((error: unknown) => {
      logger.log('error', 'unexpected hub failure', { path, reason: error instanceof Error ? error.message : String(error), requestId });
      if (!res.headersSent) sendError(res, 500, 'HUB_FAILED', 'The hub failed unexpectedly; see its log for this request id.', requestId);
      else res.destroy();
    });
  });
  applyServerLimits(server, resolved.serverLimits);

  const port = await listen(server, resolved.port);
  ownHost = createHostCheck(port, resolved.allowedHosts);
  if (resolved.watch) bundles.watch(resolved.watchIntervalMs);
  if (secrets.isDevelopmentDefault) {
    logger.log('warn', 'using the DEVELOPMENT default session secret: tokens are not protected; set HUB_SESSION_SECRET outside local development');
  }
  logger.log('info', 'hub listening', { url: `http://${HOST}:${port}`, environment: resolved.environment, bundle: resolved.bundle });

  return {
    url: `http://${HOST}:${port}`,
    port,
    environment: resolved.environment,
    usesDevelopmentSecret: secrets.isDevelopmentDefault,
    get bundleVersion() {
      return bundles.version;
    },
    reloadBundle: () => bundles.reload(),
    swapBundle: () => bundles.swap(),
    reloadPages: () => {
      try {
        return { reloaded: true, pageFolders: studio.reload().pageFolders.length };
      } catch (error) {
        return { reloaded: false, error: asHubError(error, 'PAGES_FILE_INVALID') };
      }
    },
    reloadProject: () => {
      try {
        const context = typeof options.project === 'string' ? { ...state.options.context, project: resolveProject(options.project) } : state.options.context;
        assertJson(context);
        state = { ...state, options: { ...state.options, context } };
        return { reloaded: true, projectId: context.project.projectId, locales: context.project.locales };
      } catch (error) {
        return { reloaded: false, error: asHubError(error, 'PROJECT_FILE_INVALID') };
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        bundles.close();
        faultLog.close();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
