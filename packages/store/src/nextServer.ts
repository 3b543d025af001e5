import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NEXT_DIST_DIR } from './builds.js';
import { FRONTEND_ROOT } from './paths.js';
import type { PortHold } from './ports.js';
import type { Log } from './progress.js';
import { StoreStopRequestedError } from './stopRequested.js';
import type { WorkerMessage } from './nextWorker.js';

export interface NextServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The frontend's server did not get ready in time, or exited. */
export class FrontendStartError extends Error {
  readonly code = 'FRONTEND_START_FAILED';
  override readonly name = 'FrontendStartError';
  constructor(reason: string, output: string, dev = false) {
    super(`The frontend (Next.js ${dev ? 'development' : 'production'} server) ${reason}. Its last output:\n${output.split('\n').slice(-20).join('\n')}`);
  }
}

export interface NextServerOptions {
  /** The build folder inside packages/frontend. */
  readonly distDir?: string;
  readonly readyTimeoutMs?: number;
  /** Stops waiting (and the server) when aborted. */
  readonly signal?: AbortSignal;
  /** Hosts answered besides 127.0.0.1:<port> and localhost:<port> (STORE_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
  /**
   * `next dev` instead of the production build: Turbopack compiles on demand and Fast Refresh updates open pages.
   * Its lines (compiling, compile errors) go to `log`, but for one line per request.
   */
  readonly dev?: { readonly log: Log };
}

// `next dev` logs every request; the store's console keeps what a developer acts on.
const REQUEST_LINE = /^\s*(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \S+ \d{3} in /;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

const WORKER = fileURLToPath(new URL('./nextWorker.ts', import.meta.url));

/**
 * Runs the production build in a process of its own (nextWorker.ts) and hands it the socket `hold`
 * listens on: the starting page answers until Next.js is prepared and serving, then Next.js alone does,
 * with no moment in between where the port is closed.
 */
export async function startNextServer(hold: PortHold, hubUrl: string, options: NextServerOptions = {}): Promise<NextServer> {
  const distDir = options.distDir ?? DEFAULT_NEXT_DIST_DIR;
  const dev = options.dev;
  const child = fork(WORKER, [], {
    cwd: FRONTEND_ROOT,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      HUB_URL: hubUrl,
      NODE_ENV: dev ? 'development' : 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      STORE_NEXT_DIST_DIR: distDir,
      STORE_FRONTEND_PORT: String(hold.port),
      STORE_NEXT_DEV: dev ? '1' : '0',
      STORE_ALLOWED_HOSTS: (options.allowedHosts ?? []).join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let partial = '';
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString().replace(ANSI, '');
    output = (output + text).slice(-20_000);
    if (dev === undefined) return;
    const lines = (partial + text).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '' && !REQUEST_LINE.test(line)) dev.log(`next dev │ ${line.trimEnd()}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    await nextMessage(child, 'prepared', timeoutMs, options.signal);
    await hold.handOver(async (server) => {
      child.send('listen', server as Server);
      await nextMessage(child, 'serving', timeoutMs, options.signal);
    });
    if (dev !== undefined) await compileFirstPage(`http://127.0.0.1:${hold.port}/`, timeoutMs, options.signal);
  } catch (error) {
    await stop(child);
    if (error instanceof StoreStopRequestedError) throw error;
    throw new FrontendStartError(error instanceof Error ? error.message : String(error), output, dev !== undefined);
  }
  return { url: `http://127.0.0.1:${hold.port}`, close: () => stop(child) };
}

/**
 * `next dev` compiles a route when it is first asked for: asking once during the start-up means the first tab a
 * developer opens gets the store at once. Whatever the page answers, it has been compiled.
 */
async function compileFirstPage(url: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = AbortSignal.timeout(timeoutMs);
  await fetch(url, { headers: { accept: 'text/html' }, signal: signal === undefined ? deadline : AbortSignal.any([signal, deadline]) })
    .then((answer) => answer.arrayBuffer())
    .catch(() => undefined);
  if (signal?.aborted) throw new StoreStopRequestedError();
}

/** Waits for the worker to say `kind`; rejects when it exits, the time is up, or the start is stopped. */
function nextMessage(child: ChildProcess, kind: WorkerMessage['kind'], timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`did not get ready within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown): void => {
      if (typeof message === 'object' && message !== null && (message as WorkerMessage).kind === kind) done();
    };
    const onExit = (code: number | null, signalName: NodeJS.Signals | null): void => done(new Error(`exited (${signalName ?? `code ${code}`})`));
    const onAbort = (): void => done(new StoreStopRequestedError());
    function done(error?: Error): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    }
    if (signal?.aborted) return done(new StoreStopRequestedError());
    if (child.exitCode !== null || child.signalCode !== null) return done(new Error(`exited (${child.signalCode ?? `code ${child.exitCode}`})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
