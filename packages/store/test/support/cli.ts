import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts as pickFreePorts } from '../../src/ports.js';
import { REPO_ROOT } from '../../src/paths.js';

/** `yarn start` as one process (the script runs `node --import tsx`), so signals reach the store itself. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Its STORE_DATA_DIR. */
  readonly dataDir: string;
  /** Whether startCli made that folder (and stopCli removes it); a folder the caller named is the caller's. */
  readonly ownsDataDir: boolean;
  readonly pid: number;
  output(): string;
  /**
   * Resolves with the first line matching `pattern` (in stdout or stderr), from the line holding offset `from` of `output()`
   * on (default: from the start); rejects if the process ends first or after `timeoutMs`.
   */
  waitFor(pattern: RegExp, timeoutMs: number, from?: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `yarn start`'s program with `env` over this process's environment (without CTP_* and HUB_*). Unless `env`
 * names one, its data folder is a new one under the OS temp folder: never the repository's `.store/`, which a developer's
 * own `yarn start` may hold. `root` runs another copy of the workspace (see copyWorkspace): its program, from its root.
 */
export function startCli(env: Readonly<Record<string, string>>, args: readonly string[] = [], root: string = REPO_ROOT): RunningCli {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CTP_') && !name.startsWith('HUB_') && name !== 'NODE_OPTIONS'));
  const dataDir = env.STORE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'store-cli-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages', 'store', 'src', 'cli.ts'), ...args], {
    cwd: root,
    env: { ...base, STORE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let ended = false;
  void exited.then(() => {
    ended = true;
    for (const check of waiters) check();
  });
  return {
    child,
    dataDir,
    ownsDataDir: env.STORE_DATA_DIR === undefined,
    pid: child.pid ?? 0,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs, from = 0) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no line matching ${pattern} within ${timeoutMs} ms. Output so far:\n${output}`)), timeoutMs);
        const check = (): void => {
          const start = from === 0 ? 0 : output.lastIndexOf('\n', from - 1) + 1;
          const line = output.slice(start).split('\n').find((candidate) => pattern.test(candidate));
          if (line !== undefined) finish(undefined, line);
          else if (ended) finish(new Error(`the store ended before printing a line matching ${pattern}. Its output:\n${output}`));
        };
        function finish(error: Error | undefined, line = ''): void {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line);
        }
        waiters.add(check);
        check();
      }),
  };
}

/** Free ports for the store's four parts, as PORT, HUB_PORT, PLATFORM_PORT and PLATFORM_SMTP_PORT. */
export async function freePorts(): Promise<{ PORT: string; HUB_PORT: string; PLATFORM_PORT: string; PLATFORM_SMTP_PORT: string }> {
  const [frontend, hub, platform, smtp] = (await pickFreePorts(4)).map(String);
  return { PORT: frontend ?? '', HUB_PORT: hub ?? '', PLATFORM_PORT: platform ?? '', PLATFORM_SMTP_PORT: smtp ?? '' };
}

/** Stops a CLI the test left running (a failed assertion), so no process outlives the test file. */
export async function stopCli(cli: RunningCli | undefined): Promise<void> {
  if (cli === undefined) return;
  if (cli.child.exitCode === null && cli.child.signalCode === null) {
    cli.child.kill('SIGINT');
    const forced = setTimeout(() => cli.child.kill('SIGKILL'), 20_000);
    await cli.exited;
    clearTimeout(forced);
  }
  // Only a folder startCli made: a checkout under the OS temp folder (CI) has its tests' data folders there too.
  if (cli.ownsDataDir) rmSync(cli.dataDir, { recursive: true, force: true });
}
