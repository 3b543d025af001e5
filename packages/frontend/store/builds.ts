import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildBundle, DEFAULT_BUNDLE_PATH } from '@ctp-session/extensions/build-bundle';
import { withLock } from './buildLock.js';
import { isStale } from './freshness.js';
import { EXTENSIONS_ROOT, FRONTEND_ROOT, NEXT_BIN } from './paths.js';

export type Log = (line: string) => void;

/** A build step failed; its output is attached so the reason is visible. */
export class BuildFailedError extends Error {
  readonly code = 'BUILD_FAILED';
  override readonly name = 'BuildFailedError';
  constructor(what: string, output: string) {
    super(`${what} failed. Its last output:\n${output.split('\n').slice(-30).join('\n')}`);
  }
}

/** The extensions bundle, rebuilt when its sources (or the session library) changed. */
export async function ensureBundle(log: Log): Promise<string> {
  const sources = [join(EXTENSIONS_ROOT, 'src'), join(EXTENSIONS_ROOT, '..', 'session', 'src')];
  await withLock(join(EXTENSIONS_ROOT, '.build-lock'), async () => {
    if (!isStale(DEFAULT_BUNDLE_PATH, sources)) return;
    log('building the extensions bundle…');
    await buildBundle(DEFAULT_BUNDLE_PATH);
  });
  return DEFAULT_BUNDLE_PATH;
}

const FRONTEND_SOURCES = ['app', 'tastics', 'components', 'lib', 'helpers', 'renderer', 'styles', 'public', 'next.config.ts', 'next.config.mjs', 'package.json'].map((path) =>
  join(FRONTEND_ROOT, path),
);

/** The Next.js production build, rebuilt when the frontend's sources changed. */
export async function ensureNextBuild(log: Log): Promise<void> {
  await withLock(join(FRONTEND_ROOT, '.build-lock'), async () => {
    if (!isStale(join(FRONTEND_ROOT, '.next', 'BUILD_ID'), FRONTEND_SOURCES)) return;
    log('building the frontend (next build)…');
    await run(process.execPath, [NEXT_BIN, 'build'], FRONTEND_ROOT, 'next build');
  });
}

function run(command: string, args: readonly string[], cwd: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new BuildFailedError(what, output))));
  });
}
