import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENVIRONMENTS, isHubEnvironment, type HubEnvironment } from './environments.js';
import { HubOptionsError, UnknownEnvironmentError } from './errors.js';
import type { FrontasticContext } from './bundle/extension-types.js';
import type { HubLogger } from './log/logger.js';
import { resolveProject, type ProjectSettings } from './project/resolve-project.js';
import { resolveServerLimits, type ServerLimits } from './http/server-limits.js';
import { DEFAULT_FAULT_LOG_LIMITS, type FaultLogLimits } from './run/fault-log.js';
import { resolveSessionLifetime, type SessionLifetime } from './session/lifetime.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_BUNDLE = resolve(REPO_ROOT, 'packages/extensions/build/bundle.min.js');
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_CORS_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'];
export const DEFAULT_TIMER_LEAK_THRESHOLD = 1_000;
export { ENVIRONMENTS, type HubEnvironment } from './environments.js';

export interface HubOptions {
  /** The extensions bundle (CommonJS). Default: `packages/extensions/build/bundle.min.js` under the repository root. */
  bundle?: string;
  /** Local Studio data: a pages JSON file path, or the parsed document itself. Default: no pages. */
  pages?: string | object;
  /** Studio project configuration as sections `{ "<section>": { "<field>": value } }`; extensions see it flattened. */
  projectConfiguration?: Record<string, Record<string, unknown>>;
  /** `frontasticContext.project`: a project file (`project.yml`-style YAML, or JSON) or the settings themselves. */
  project?: string | ProjectSettings;
  featureFlags?: Record<string, boolean>;
  /**
   * `development` (default), `staging` or `production`, passed to extensions as `frontasticContext.environment`.
   * Anything else is refused; every environment but `development` needs a real session secret.
   */
  environment?: string;
  /** Default 8080; 0 picks a free port. The hub only ever binds 127.0.0.1. */
  port?: number;
  /** Per action, data source, dynamic page handler and page. Default 10 000 ms, as on the platform. */
  timeoutMs?: number;
  /** Newest first: the first encodes, all decode. Default in development only: a public, clearly labelled secret. */
  sessionSecrets?: readonly string[];
  /** Origins the browser may call the hub from. */
  corsOrigins?: readonly string[];
  /**
   * Host names (any port), `name:port` entries or `*` the hub answers besides its own addresses
   * (`127.0.0.1:<port>`, `localhost:<port>`); any other `Host` is refused with 403 `HOST_NOT_ALLOWED`.
   */
  allowedHosts?: readonly string[];
  bodyLimitBytes?: number;
  /** Reload the bundle (and pages file) when they change on disk. Default: on in development. */
  watch?: boolean;
  watchIntervalMs?: number;
  logger?: HubLogger;
  /** Header, request and keep-alive timeouts and the connection cap (defaults: 10 s, 30 s, 5 s, 1000). */
  serverLimits?: Partial<ServerLimits>;
  /** A session not used for this long reads as a guest's (`{}`). Default 172 800 s (2 days). */
  sessionIdleSeconds?: number;
  /** A session begun this long ago reads as a guest's, however busy. Default 2 592 000 s (30 days). */
  sessionAbsoluteSeconds?: number;
  /** Milliseconds since the epoch; tests move it to age sessions without waiting. Default `Date.now`. */
  now?: () => number;
  /** How bundle faults are logged: each repeat counted per window, at most so many lines (default 60 s, 20 lines). */
  faultLog?: Partial<FaultLogLimits>;
  /** Live timers (intervals, pending timeouts) bundle code may keep before the hub warns, once. Default 1000. */
  timerLeakThreshold?: number;
}

export interface ResolvedHubOptions {
  bundle: string;
  pages: string | object | undefined;
  environment: HubEnvironment;
  port: number;
  timeoutMs: number;
  sessionSecrets: readonly string[] | undefined;
  corsOrigins: readonly string[];
  allowedHosts: readonly string[];
  bodyLimitBytes: number;
  watch: boolean;
  watchIntervalMs: number;
  serverLimits: ServerLimits;
  sessionLifetime: SessionLifetime;
  now: () => number;
  faultLog: FaultLogLimits;
  timerLeakThreshold: number;
  context: Omit<FrontasticContext, 'locale'>;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new HubOptionsError(`${name} must be a positive number, got ${value}.`);
  return value;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new HubOptionsError(`${name} must be a positive whole number, got ${value}.`);
  return value;
}

function hostList(hosts: readonly string[] | undefined): readonly string[] {
  for (const host of hosts ?? []) {
    if (typeof host !== 'string' || !/^[\w.*:[\]-]+$/.test(host.trim())) throw new HubOptionsError(`allowedHosts entries are host names, name:port or *, got ${JSON.stringify(host)}.`);
  }
  return hosts ?? [];
}

function environmentOf(value: string | undefined): HubEnvironment {
  const environment = value ?? 'development';
  if (!isHubEnvironment(environment)) throw new UnknownEnvironmentError(environment, ENVIRONMENTS);
  return environment;
}

export function resolveHubOptions(options: HubOptions, projectConfiguration: Record<string, unknown>): ResolvedHubOptions {
  const environment = environmentOf(options.environment);
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HubOptionsError(`port must be an integer from 0 to 65535, got ${port}.`);
  return {
    bundle: resolve(options.bundle ?? DEFAULT_BUNDLE),
    pages: typeof options.pages === 'string' ? resolve(options.pages) : options.pages,
    environment,
    port,
    timeoutMs: positive(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs'),
    sessionSecrets: options.sessionSecrets,
    corsOrigins: options.corsOrigins ?? DEFAULT_CORS_ORIGINS,
    allowedHosts: hostList(options.allowedHosts),
    bodyLimitBytes: positive(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, 'bodyLimitBytes'),
    watch: options.watch ?? environment === 'development',
    watchIntervalMs: positive(options.watchIntervalMs ?? 300, 'watchIntervalMs'),
    serverLimits: resolveServerLimits(options.serverLimits),
    sessionLifetime: resolveSessionLifetime({
      ...(options.sessionIdleSeconds === undefined ? {} : { idleSeconds: options.sessionIdleSeconds }),
      ...(options.sessionAbsoluteSeconds === undefined ? {} : { absoluteSeconds: options.sessionAbsoluteSeconds }),
    }),
    now: options.now ?? Date.now,
    faultLog: {
      windowMs: positiveInteger(options.faultLog?.windowMs ?? DEFAULT_FAULT_LOG_LIMITS.windowMs, 'faultLog.windowMs'),
      maxLinesPerWindow: positiveInteger(options.faultLog?.maxLinesPerWindow ?? DEFAULT_FAULT_LOG_LIMITS.maxLinesPerWindow, 'faultLog.maxLinesPerWindow'),
    },
    timerLeakThreshold: positiveInteger(options.timerLeakThreshold ?? DEFAULT_TIMER_LEAK_THRESHOLD, 'timerLeakThreshold'),
    context: { environment, project: resolveProject(options.project), projectConfiguration, featureFlags: options.featureFlags ?? {} },
  };
}
