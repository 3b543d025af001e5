import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildBundle, DEFAULT_BUNDLE_PATH } from '@ctp-session/extensions/build-bundle';
import { stopProcessGroup, withLock, type HeldLock } from './ownedLock.js';
import { isStale } from './freshness.js';
import { EXTENSIONS_ROOT, FRONTEND_ROOT, NEXT_BIN, SESSION_ROOT } from './paths.js';
import type { Log, Progress } from './progress.js';
import { StoreStopRequestedError } from './stopRequested.js';

/** A build step failed; its output is attached so the reason is visible. */
export class BuildFailedError extends Error {
  readonly code = 'BUILD_FAILED';
  override readonly name = 'BuildFailedError';
  constructor(what: string, output: string) {
    super(`${what} failed. Its last output:\n${output.split('\n').slice(-30).join('\n')}`);
  }
}

export interface BuildContext {
  readonly progress: Progress;
  readonly log: Log;
  readonly signal?: AbortSignal;
}

/** The extensions bundle, rebuilt when its sources (or the session library) changed. */
export async function ensureBundle(context: BuildContext): Promise<string> {
  const sources = [join(EXTENSIONS_ROOT, 'src'), join(SESSION_ROOT, 'src')];
  await context.progress.step('extensions bundle', () =>
    withLock(
      join(EXTENSIONS_ROOT, '.build-lock'),
      'extensions bundle build',
      async () => {
        if (!isStale(DEFAULT_BUNDLE_PATH, sources)) return 'up to date';
        const bytes = await buildBundle(DEFAULT_BUNDLE_PATH);
        return `built (${Math.round(bytes / 1024)} KiB)`;
      },
      context,
    ),
  );
  return DEFAULT_BUNDLE_PATH;
}

const FRONTEND_SOURCES = ['app', 'tastics', 'components', 'lib', 'helpers', 'renderer', 'styles', 'public', 'next.config.ts', 'next.config.mjs', 'package.json'].map((path) =>
  join(FRONTEND_ROOT, path),
);

/** The default folder of the Next.js build, inside packages/frontend. */
export const DEFAULT_NEXT_DIST_DIR = '.next';

/**
 * The Next.js production build in `distDir` (relative to packages/frontend), rebuilt when the frontend's
 * sources changed. Next's own progress lines are passed on as they come.
 */
export async function ensureNextBuild(context: BuildContext, distDir: string = DEFAULT_NEXT_DIST_DIR): Promise<void> {
  await context.progress.step('frontend build (next build)', (say) =>
    withLock(
      join(FRONTEND_ROOT, `${distDir}.build-lock`),
      'frontend build',
      async (lock) => {
        if (!isStale(join(FRONTEND_ROOT, distDir, 'BUILD_ID'), FRONTEND_SOURCES)) return 'up to date';
        say('no build yet, or the sources changed since the last one: building (a first build takes the longest; later starts rebuild only what changed)');
        await runBuild([NEXT_BIN, 'build'], FRONTEND_ROOT, 'next build', { ...process.env, NEXT_TELEMETRY_DISABLED: '1', STORE_NEXT_DIST_DIR: distDir }, lock, say, context.signal);
        return 'built';
      },
      context,
    ),
  );
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Runs a build in its own process group (so it and its workers stop together), passes its lines on, and
 * records it in the lock: if this process dies, the next start stops the build it left behind.
 */
function runBuild(args: readonly string[], cwd: string, what: string, env: NodeJS.ProcessEnv, lock: HeldLock, say: Log, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new StoreStopRequestedError());
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid !== undefined) lock.setChild({ pid: child.pid, command: [process.execPath, ...args].join(' ') });
    let output = '';
    let partial = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString().replace(ANSI, '');
      output = (output + text).slice(-40_000);
      const lines = (partial + text).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') say(`${what} │ ${line.trimEnd()}`);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const stop = (): void => {
      if (child.pid === undefined) return;
      say(`stopping ${what} (PID ${child.pid})`);
      stopProcessGroup(child.pid);
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    });
    child.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      lock.setChild(undefined);
      if (signal?.aborted) reject(new StoreStopRequestedError());
      else if (code === 0) resolve();
      else reject(new BuildFailedError(what, output));
    });
  });
}
