import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from './progress.js';
import { StoreStopRequestedError } from './stopRequested.js';

/** Who holds a lock (a build's, the data folder's): written into the lock folder as `owner.json`. */
export interface LockOwner {
  readonly pid: number;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The owner's command line, for the waiting line. */
  readonly command: string;
  /** When the process started (Linux: ticks since boot), to tell it from another process that got the same PID later. */
  readonly started?: string;
  /** The build the owner runs (e.g. `next build`), so a successor can stop it if the owner died and left it running. */
  readonly child?: LockChild;
  /** Tells this lock from a later one of the same process. */
  readonly token: string;
}

/** A build process run by the lock's owner. */
export interface LockChild {
  readonly pid: number;
  readonly command: string;
  readonly started?: string;
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

/** A lock this process holds. */
export interface AcquiredLock extends HeldLock {
  /** Removes the lock, if it is still ours (one taken over from us, because we looked dead, is not). */
  release(): void;
}

export interface AcquireOptions extends LockOptions {
  /**
   * What to do when a live process holds the lock: by default wait for it (saying once who it is); a
   * function returns the error to refuse with instead.
   */
  readonly refuseWhenHeld?: (holder: LockOwner) => Error;
}

/**
 * Takes a folder lock that names its owner (PID, command, since when). A lock whose owner is gone is
 * taken over at once (and a build the owner left running is stopped); a live one is waited for with one
 * line saying who holds it, or refused (`refuseWhenHeld`).
 */
export async function acquireLock(lockDir: string, what: string, options: AcquireOptions): Promise<AcquiredLock> {
  const started = processStartOf(process.pid);
  const owner: LockOwner = {
    pid: process.pid,
    since: new Date().toISOString(),
    command: commandLineOf(process.pid) ?? process.argv.join(' '),
    ...(started === undefined ? {} : { started }),
    token: randomUUID(),
  };
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
    } else if (!isRunning(holder)) {
      options.log(`taking over the ${what} lock left by PID ${holder.pid} (since ${holder.since}), which is no longer running`);
      if (holder.child !== undefined && isRunning(holder.child)) {
        options.log(`stopping the ${holder.child.command.split(' ').slice(-2).join(' ')} that PID ${holder.pid} left running (PID ${holder.child.pid})`);
        stopProcessGroup(holder.child.pid);
      }
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    } else if (options.refuseWhenHeld) {
      throw options.refuseWhenHeld(holder);
    } else if (!saidWaiting) {
      saidWaiting = true;
      options.log(`waiting for the ${what} that PID ${holder.pid} has been running since ${holder.since} (${holder.command})`);
    }
    await sleep(POLL_MS, options.signal);
  }
  let current = owner;
  return {
    setChild: (child) => {
      const { child: _previous, ...rest } = current;
      const childStarted = child === undefined ? undefined : processStartOf(child.pid);
      current = child === undefined ? rest : { ...rest, child: { ...child, ...(childStarted === undefined ? {} : { started: childStarted }) } };
      try {
        writeOwner(lockDir, current);
      } catch {
        // The lock folder is gone (removed by hand): the build goes on; there is nothing left to name it in.
      }
    },
    release: () => {
      if (readOwner(lockDir)?.token !== owner.token) return;
      rmSync(lockDir, { recursive: true, force: true });
      if (options.signal?.aborted) options.log(`removed the ${what} lock`);
    },
  };
}

/**
 * Runs `work` while holding a folder lock, so that test files started in parallel (and a `yarn start`
 * next to them) do not run the same build at once.
 */
export async function withLock<T>(lockDir: string, what: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions): Promise<T> {
  const lock = await acquireLock(lockDir, what, options);
  try {
    return await work(lock);
  } finally {
    lock.release();
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
 * True when the process runs and is still the one the lock names: where its start time can be read
 * (Linux's /proc), a PID that a later process got counts as gone. (Not the command line: `next build`
 * renames itself.)
 */
export function isRunning(process_: { readonly pid: number; readonly started?: string }): boolean {
  try {
    process.kill(process_.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(process_.pid);
  if (stat === undefined) return true;
  // A zombie has ended; it only waits for its parent to read its exit code.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return process_.started === undefined || stat.started === process_.started;
}

/** When the process started (field 22 of /proc/<pid>/stat, clock ticks since boot); undefined off Linux. */
export function processStartOf(pid: number): string | undefined {
  return procStat(pid)?.started;
}

function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (field 2) is in parentheses and may hold spaces: count the fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((part) => part !== '').join(' ');
  } catch {
    return undefined;
  }
}

/** Stops a build and its workers: builds run in a process group of their own, led by the build. */
export function stopProcessGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Not a group leader, or already gone.
    }
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
