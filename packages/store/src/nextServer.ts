import { spawn, type ChildProcess } from 'node:child_process';
import { FRONTEND_ROOT, NEXT_BIN } from './paths.js';
import { DEFAULT_NEXT_DIST_DIR } from './builds.js';
import { StoreStopRequestedError } from './stopRequested.js';

export interface NextServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `next start` did not answer in time, or exited. */
export class FrontendStartError extends Error {
  readonly code = 'FRONTEND_START_FAILED';
  override readonly name = 'FrontendStartError';
  constructor(reason: string, output: string) {
    super(`The frontend (next start) ${reason}. Its last output:\n${output.split('\n').slice(-20).join('\n')}`);
  }
}

export interface NextServerOptions {
  /** The build folder inside packages/frontend. */
  readonly distDir?: string;
  readonly readyTimeoutMs?: number;
  /** Stops waiting (and the server) when aborted. */
  readonly signal?: AbortSignal;
}

/** Runs the production build with `next start` on 127.0.0.1:`port`, telling it where the hub is. */
export async function startNextServer(port: number, hubUrl: string, options: NextServerOptions = {}): Promise<NextServer> {
  const distDir = options.distDir ?? DEFAULT_NEXT_DIST_DIR;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: FRONTEND_ROOT,
    env: { ...process.env, HUB_URL: hubUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', STORE_NEXT_DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, options.readyTimeoutMs ?? 60_000, options.signal);
  } catch (error) {
    await stop(child);
    if (error instanceof StoreStopRequestedError) throw error;
    throw new FrontendStartError(error instanceof Error ? error.message : String(error), output);
  }
  return { url, close: () => stop(child) };
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new StoreStopRequestedError();
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      // Any answer means the server is up; the hub's page may still be a 404.
      await fetch(`${url}/favicon.ico`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`did not answer within ${timeoutMs} ms`);
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
