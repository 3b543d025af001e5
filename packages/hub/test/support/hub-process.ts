import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface HubProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Waits until stderr matches (the hub logs one line per event there). */
  waitForLog(pattern: RegExp): Promise<string>;
  stop(): Promise<number | null>;
}

/** `yarn start:hub` as a real process, for what only a whole process shows: that it survives. */
export function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], { env: { ...process.env, HUB_PORT: '0', HUB_WATCH: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
    const settleWaiters = (): void => {
      for (const waiter of [...waiters]) {
        const line = stderr.split('\n').find((candidate) => waiter.pattern.test(candidate));
        if (line !== undefined) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    };
    // Never leave a hub behind, even when the machine is too loaded for the test's own time limit.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exited = new Promise<number | null>((done) => {
      child.on('exit', (code) => {
        clearTimeout(guard);
        done(code);
      });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      settleWaiters();
    });
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /API hub on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match === null) return;
      resolve({
        url: match[1] as string,
        child,
        stderr: () => stderr,
        stdout: () => stdout,
        exited,
        waitForLog: (pattern) =>
          new Promise((found, fail) => {
            waiters.push({ pattern, resolve: found });
            settleWaiters();
            void exited.then(() => fail(new Error(`the hub exited before logging ${pattern}; stderr:\n${stderr}`)));
          }),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the hub exited (${code}) before listening; stderr:\n${stderr}`)));
  });
}
