import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface LeftProcess {
  readonly pid: number;
  readonly command: string;
}

/**
 * Every process (Linux's /proc) whose command line names `root` or whose working folder is inside it, but this
 * test's own: what a store run from a copy of the workspace started and left behind (the Next.js server, a build,
 * esbuild's and tsx's services, a Studio check).
 */
export function processesUnder(root: string): LeftProcess[] {
  const found: LeftProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state !== 'Z' && (command.includes(root) || cwd === root || cwd.startsWith(`${root}/`))) found.push({ pid, command });
    } catch {
      // Ended while it was read, or not ours to read.
    }
  }
  return found;
}

/**
 * Waits until no process of `root` is left: esbuild's and tsx's services end on their own once the store that started
 * them has exited (their input closes), a moment after it. Resolves with what is still there at `timeoutMs`.
 */
export async function processesLeftUnder(root: string, timeoutMs = 15_000): Promise<LeftProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesUnder(root);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
