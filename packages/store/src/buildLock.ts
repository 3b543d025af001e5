import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from './progress.js';
import { StoreStopRequestedError } from './stopRequested.js';

/** Who holds a build lock: written into the lock folder as `owner.json`. */
export interface LockOwner {
  readonly pid: number;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The owner's command line, to tell it from another process that got the same PID later. */
  readonly command: string;
  /** The build the owner runs (e.g. `next build`), so a successor can stop it if the owner died and left it running. */
  readonly child?: { readonly pid: number; readonly command: string };
  /** Tells this lock from a later one of the same process. */
  readonly token: string;
}

/** What the lock's holder may tell about itself while it works. */
export interface HeldLock {
  /** Records the build process the holder runs now (undefined once it ended). */
  setChild(child: { readonly pid: number; readonly command: string } | undefined): void;
}

export interface LockOptions {
  readonly log: Log;
  readonly signal?: AbortSignal;
}

// A lock folder without an owner file is being written (mkdir, then write): give its writer this long.
const UNNAMED_LOCK_GRACE_MS = 5_000;
const POLL_MS = 250;

/**
 * Runs `work` while holding a folder lock, so that test files started in parallel (and a `yarn start`
 * next to them) do not run the same build at once. The lock names its owner (PID, command, since when);
 * a lock whose owner is gone is taken over at once (and a build the owner left running is stopped), a
 * live one is waited for with one line saying who holds it.
 */
export async function withLock<T>(lockDir: string, what: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions): Promise<T> {
  const owner: LockOwner = { pid: process.pid, since: new Date().toISOString(), command: commandLineOf(process.pid) ?? process.argv.join(' '), token: randomUUID() };
  let saidWaiting = false;
  for (;;) {
    if (options.signal?.aborted) throw new StoreStopRequestedError();
    try {
      mkdirSync(lockDir);
      writeOwner(lockDir, owner);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(lockDir);
    if (holder === undefined) {
      if (ageMs(lockDir) > UNNAMED_LOCK_GRACE_MS) {
        options.log(`taking over the ${what} lock: it names no owner (left by an older version or a crash)`);
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
    } else if (!isRunning(holder.pid, holder.command)) {
      options.log(`taking over the ${what} lock left by PID ${holder.pid} (since ${holder.since}), which is no longer running`);
      if (holder.child !== undefined && isRunning(holder.child.pid, holder.child.command)) {
        options.log(`stopping the ${holder.child.command.split(' ').slice(-2).join(' ')} that PID ${holder.pid} left running (PID ${holder.child.pid})`);
        try {
          process.kill(holder.child.pid, 'SIGKILL');
        } catch {
          // It ended by itself in the meantime.
        }
      }
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    } else if (!saidWaiting) {
      saidWaiting = true;
      options.log(`waiting for the ${what} that PID ${holder.pid} has been running since ${holder.since} (${holder.command})`);
    }
    await sleep(POLL_MS, options.signal);
  }
  let current = owner;
  const held: HeldLock = {
    setChild: (child) => {
      const { child: _previous, ...rest } = current;
      current = child === undefined ? rest : { ...rest, child };
      writeOwner(lockDir, current);
    },
  };
  try {
    return await work(held);
  } finally {
    // Only our own lock: one taken over from us (we looked dead) is not ours to remove.
    if (readOwner(lockDir)?.token === owner.token) rmSync(lockDir, { recursive: true, force: true });
  }
}

/** The owner written in `lockDir`, or undefined when there is none (yet) or it does not parse. */
export function readOwner(lockDir: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.command === 'string' && typeof parsed.token === 'string' && typeof parsed.since === 'string' ? (parsed as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function writeOwner(lockDir: string, owner: LockOwner): void {
  // Written aside and renamed, so a reader never sees half a file.
  const temporary = join(lockDir, `owner.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(owner));
  renameSync(temporary, join(lockDir, 'owner.json'));
}

/**
 * True when `pid` runs and is still the process that wrote the lock: where the command line can be read
 * (Linux's /proc), a PID now used by another program counts as gone.
 */
export function isRunning(pid: number, command: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = commandLineOf(pid);
  return now === undefined || now === command;
}

function commandLineOf(pid: number): string | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((part) => part !== '').join(' ');
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop(): void {
      clearTimeout(timer);
      reject(new StoreStopRequestedError());
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}
