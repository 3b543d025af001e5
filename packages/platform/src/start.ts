import { CommercetoolsMock } from '@labdigital/commercetools-mock';
import { SQLiteStorage } from '@labdigital/commercetools-mock/sqlite';
import { createDispatcher } from './app.js';
import { TokenStore } from './auth/token-store.js';
import type { PlatformContext } from './context.js';
import { RequestCounters } from './counters.js';
import { EmailTokenStore } from './customers/email-tokens.js';
import { PlatformOptionError } from './errors.js';
import { FaultInjector, type FaultSettings } from './faults.js';
import { DEFAULT_HTTP_LIMITS, PlatformHttpServer, type HttpLimits } from './http/server.js';
import { MailInbox } from './mail/inbox.js';
import { resolveMailLimits, type MailLimits } from './mail/limits.js';
import { MailSink } from './mail/sink.js';
import { MockGateway } from './mock/gateway.js';
import { DEMO_CUSTOMER } from './seed/catalogue.js';
import { seedCatalogue } from './seed/seed.js';
import { openPlatformDatabase } from './storage/platform-database.js';

export const DEFAULT_PROJECT_KEY = 'demo';
export const DEFAULT_TOKEN_TTL_SECONDS = 172_800;
export const DEFAULT_CLIENT_ID = 'local-platform-client';
// A fixed, documented value: this is a local stand-in, and a stable secret lets the hub's settings stay put.
export const DEFAULT_CLIENT_SECRET = 'local-platform-secret';

export interface PlatformOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly projectKey?: string;
  readonly clientId?: string;
  /** Default: `local-platform-secret`. */
  readonly clientSecret?: string;
  /** Lifetime of access tokens; default 172800 s, as on commercetools. */
  readonly tokenTtlSeconds?: number;
  /** Milliseconds since the epoch; tests pass a fake clock to expire tokens without waiting. */
  readonly now?: () => number;
  /** Load the catalogue and demo customer (default true). */
  readonly seed?: boolean;
  /** Faults active from the start (default: none). */
  readonly faults?: Partial<FaultSettings>;
  /** Where unexpected internal errors are reported (default: console.error). */
  readonly onError?: (error: unknown) => void;
  /** Header, request and keep-alive timeouts and the connection cap (default 10 s, 60 s, 5 s, 1000). */
  readonly httpLimits?: Partial<HttpLimits>;
  /** SMTP port of the mail sink on 127.0.0.1; 0 (the default) picks a free one. */
  readonly smtpPort?: number;
  /** Largest mail the sink accepts, envelope included (default 10 MiB); larger ones are refused with 552. Same as `mailLimits.maxBytes`. */
  readonly mailMaxBytes?: number;
  /** The mail sink's caps: size, recipients, connections, bytes in flight and kept (see `MailLimits`). */
  readonly mailLimits?: Partial<MailLimits>;
  /** One line per received mail (default: console.log). */
  readonly onMail?: (line: string) => void;
  /**
   * A SQLite file that keeps everything across restarts: the mock's resources and the platform's own state
   * (issued, refreshed and revoked tokens, email tokens, the mail inbox). Default: none, everything in memory.
   * A damaged file or one of another schema is refused (PlatformDataCorruptError, PlatformDataSchemaError)
   * and left as it is.
   */
  readonly dataFile?: string;
  /** What those errors tell the reader to do (default: move the file away to start from the seed). */
  readonly dataRecovery?: string;
  /**
   * Host names (any port), `name:port` entries or `*` answered besides 127.0.0.1:<port> and localhost:<port>;
   * any other `Host` gets 403 `HostNotAllowed`, on the platform's port and on the mock's private one.
   */
  readonly allowedHosts?: readonly string[];
}

export interface Platform {
  /** Origin of both the API and the auth server, e.g. `http://127.0.0.1:8989`. */
  readonly url: string;
  readonly apiUrl: string;
  readonly authUrl: string;
  readonly port: number;
  readonly projectKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly demoCustomer: { readonly email: string; readonly password: string };
  readonly counters: RequestCounters;
  readonly faults: FaultInjector;
  /** The mail sink: bundles send mail to `smtp.host:smtp.port` (no TLS, any credentials). */
  readonly smtp: { readonly host: string; readonly port: number };
  /** Every mail received, also over HTTP at `mailUrl`. */
  readonly mail: MailSink;
  /** `GET` lists the mails (`?to=<address>` filters), `GET …/{id}` reads one, `DELETE` empties the inbox. */
  readonly mailUrl: string;
  /** The SQLite file everything is kept in, or undefined when everything is in memory. */
  readonly dataFile: string | undefined;
  /** The underlying @labdigital/commercetools-mock, for tests that need to reach its storage. */
  readonly mock: CommercetoolsMock;
  /** Runs the seed again; idempotent, so only what is missing (e.g. after `mock.clear()`) is added. */
  seed(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the embedded commercetools platform on 127.0.0.1 and seeds it. */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const projectKey = options.projectKey ?? DEFAULT_PROJECT_KEY;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  checkOptions(options.port ?? 0, projectKey, tokenTtlSeconds);
  const limits = httpLimitsOf(options.httpLimits);
  for (const host of options.allowedHosts ?? []) {
    if (typeof host !== 'string' || !/^[\w.*:[\]-]+$/.test(host.trim())) throw new PlatformOptionError(`allowedHosts entries are host names, name:port or *, got ${JSON.stringify(host)}.`);
  }
  checkPort(options.smtpPort ?? 0, 'smtpPort');
  if (options.mailMaxBytes !== undefined && !(Number.isInteger(options.mailMaxBytes) && options.mailMaxBytes > 0)) {
    throw new PlatformOptionError(`mailMaxBytes must be a positive whole number of bytes, got ${options.mailMaxBytes}.`);
  }
  const mailLimits = resolveMailLimits({ ...(options.mailMaxBytes === undefined ? {} : { maxBytes: options.mailMaxBytes }), ...options.mailLimits });

  // The platform's tables are checked (and created) first: a refused file is never touched by the mock.
  const db = openPlatformDatabase(options.dataFile, options.dataRecovery);
  const storage = options.dataFile === undefined ? undefined : new SQLiteStorage({ filename: options.dataFile });
  const closeStorage = (): void => {
    storage?.close();
    db.close();
  };
  const mock = new CommercetoolsMock({ enableAuthentication: false, validateCredentials: false, defaultProjectKey: projectKey, strict: true, silent: true, ...(storage ? { storage } : {}) });
  const gateway = new MockGateway(mock, projectKey);
  const client = { clientId: options.clientId ?? DEFAULT_CLIENT_ID, clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET };
  const now = options.now ?? Date.now;
  const context: PlatformContext = {
    projectKey,
    gateway,
    client,
    tokens: new TokenStore({ db, projectKey, ttlSeconds: tokenTtlSeconds, now }),
    emailTokens: new EmailTokenStore(db, now),
    cartsBeingOrdered: new Set(),
  };
  const counters = new RequestCounters(projectKey);
  const faults = new FaultInjector();

  try {
    await gateway.listen();
  } catch (error) {
    closeStorage();
    throw error;
  }
  let mail: MailSink;
  try {
    mail = await MailSink.start({
      port: options.smtpPort ?? 0,
      limits: mailLimits,
      log: options.onMail ?? ((line) => console.log(`[platform] ${line}`)),
      inbox: new MailInbox(db),
      now,
    });
  } catch (error) {
    await gateway.close();
    closeStorage();
    throw error;
  }
  const server = new PlatformHttpServer({
    projectKey,
    counters,
    faults,
    mail,
    dispatch: createDispatcher(context),
    onError: options.onError ?? ((error) => console.error('[platform] internal error:', error)),
    limits,
    allowedHosts: options.allowedHosts ?? [],
  });
  let port = 0;
  try {
    port = await server.listen(options.port ?? 0);
    if (options.seed !== false) await seedCatalogue(gateway, `http://127.0.0.1:${port}`);
    if (options.faults) faults.set(options.faults);
  } catch (error) {
    await server.close();
    await mail.close();
    await gateway.close();
    closeStorage();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    apiUrl: url,
    authUrl: url,
    port,
    projectKey,
    ...client,
    demoCustomer: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
    counters,
    faults,
    smtp: { host: mail.host, port: mail.port },
    mail,
    mailUrl: `${url}/__platform/mail`,
    dataFile: options.dataFile,
    mock,
    seed: () => seedCatalogue(gateway, url),
    // Safe to call twice (afterAll plus a finally, say): the second call waits for the first.
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await mail.close();
        await gateway.close();
        closeStorage();
      })()),
  };
}

function httpLimitsOf(given: Partial<HttpLimits> = {}): HttpLimits {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new PlatformOptionError(`httpLimits.${name} must be a positive whole number, got ${value}.`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new PlatformOptionError('httpLimits.headersTimeoutMs must not exceed requestTimeoutMs.');
  return limits;
}

function checkOptions(port: number, projectKey: string, ttl: number): void {
  checkPort(port, 'port');
  if (!/^[a-z0-9-_]{2,36}$/.test(projectKey)) {
    throw new PlatformOptionError(`projectKey '${projectKey}' is not a commercetools project key (2-36 of a-z, 0-9, - and _).`);
  }
  if (!(ttl > 0)) throw new PlatformOptionError(`tokenTtlSeconds must be a positive number of seconds, got ${ttl}.`);
}

function checkPort(port: number, name: string): void {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new PlatformOptionError(`${name} must be an integer from 0 to 65535, got ${port}.`);
}
