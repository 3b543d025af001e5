import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../packages/platform/src/cli.ts', import.meta.url));

/** `yarn start:platform` as a process of its own, so its memory is its own and can be read. */
export interface PlatformProcess {
  readonly url: string;
  readonly smtpPort: number;
  readonly child: ChildProcess;
  /** Everything it printed (one line per mail). */
  output(): string;
  /** Resident set size now, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<number | null>;
}

export function startPlatformProcess(nodeOptions: string): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: { ...process.env, PLATFORM_PORT: '0', PLATFORM_SMTP_PORT: '0', NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer): void => {
      // Only the tail is kept: the lines are counted as they come, a flood must not fill this process instead.
      output = (output + chunk.toString()).slice(-2_000_000);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const smtp = /mail sink \(SMTP[^)]*\): 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (url === undefined || smtp === undefined) return;
      resolve({
        url,
        smtpPort: Number(smtp),
        child,
        output: () => output,
        rssMb: () => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
        },
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then((code) => reject(new Error(`the platform exited (${code}) before listening:\n${output}`)));
  });
}
