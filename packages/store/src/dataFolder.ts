import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH } from '@ctp-session/hub';
import { acquireLock, type LockOwner } from './ownedLock.js';
import { REPO_ROOT } from './paths.js';
import type { Log } from './progress.js';

/** Where `yarn start` keeps its data unless `STORE_DATA_DIR` says otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.store');
/** The embedded platform's SQLite file: the mock's resources and the platform's tokens, email tokens and mails. */
export const PLATFORM_DATA_FILE = 'platform.sqlite';
/** The hub's development session secret, when `HUB_SESSION_SECRET` is not set. */
export const SESSION_SECRET_FILE = 'session-secret';
/** `yarn dev`'s last good extensions bundle, so a restart with broken sources still serves one. */
export const DEV_BUNDLE_FOLDER = 'dev-bundle';
const LOCK_FOLDER = 'store.lock';
// SQLite's write-ahead log and shared-memory index travel with their database.
const DATABASE_SIDE_FILES = ['-wal', '-shm'] as const;

/** Another store runs on the same data folder: two processes writing one database lose each other's writes. */
export class DataFolderInUseError extends Error {
  readonly code = 'STORE_DATA_IN_USE';
  override readonly name = 'DataFolderInUseError';
  constructor(
    readonly dir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `The data folder ${dir} is in use by another store: PID ${holder.pid} (${holder.command}), running since ${holder.since}. Stop that one first (Ctrl-C in its terminal), or give this one a folder of its own with STORE_DATA_DIR.`,
    );
  }
}

/** The session secret file exists but holds no usable secret (emptied or edited by hand). */
export class SessionSecretFileError extends Error {
  readonly code = 'STORE_SESSION_SECRET_INVALID';
  override readonly name = 'SessionSecretFileError';
  constructor(readonly file: string) {
    super(
      `${file} holds no usable session secret (it needs at least ${MIN_SECRET_LENGTH} characters). Delete it to have a new one drawn (every open tab is signed out), set HUB_SESSION_SECRET, or run \`yarn start --fresh\`.`,
    );
  }
}

export interface DataFolder {
  readonly dir: string;
  /** The embedded platform's SQLite file (it may not exist yet). */
  readonly platformFile: string;
  /** What `fresh` moved aside, as paths beside the originals. */
  readonly backups: readonly string[];
  /** The hub's development session secret kept in the folder; drawn and written on first use. */
  sessionSecret(): string;
  /** Frees the folder for the next store. */
  release(): void;
}

export interface DataFolderOptions {
  /** Move the database and the session secret aside first (kept as backups beside them): a start from the seed. */
  readonly fresh?: boolean;
  readonly log: Log;
  readonly signal?: AbortSignal;
  /** Names the backups; default now. */
  readonly now?: () => Date;
}

/**
 * Takes the data folder for this store: created when missing, then locked with a lock folder that names
 * its owner, so a second store on it is refused (DataFolderInUseError, naming the first one's PID) while a
 * lock left by a store that died is taken over at once.
 */
export async function openDataFolder(dir: string, options: DataFolderOptions): Promise<DataFolder> {
  mkdirSync(dir, { recursive: true });
  const lock = await acquireLock(join(dir, LOCK_FOLDER), 'data folder', {
    log: options.log,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    refuseWhenHeld: (holder) => new DataFolderInUseError(dir, holder),
  });
  try {
    const backups = options.fresh ? moveAside(dir, (options.now ?? (() => new Date()))()) : [];
    return {
      dir,
      platformFile: join(dir, PLATFORM_DATA_FILE),
      backups,
      sessionSecret: () => readOrDrawSecret(join(dir, SESSION_SECRET_FILE)),
      release: () => lock.release(),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** `platform.sqlite` → `platform-backup-<time>.sqlite` (with its -wal and -shm), `session-secret` → `session-secret-backup-<time>`. */
function moveAside(dir: string, now: Date): string[] {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const moves: [string, string][] = [[PLATFORM_DATA_FILE, `platform-backup-${stamp}.sqlite`], ...DATABASE_SIDE_FILES.map((suffix): [string, string] => [`${PLATFORM_DATA_FILE}${suffix}`, `platform-backup-${stamp}.sqlite${suffix}`]), [SESSION_SECRET_FILE, `${SESSION_SECRET_FILE}-backup-${stamp}`]];
  const moved: string[] = [];
  for (const [from, to] of moves) {
    if (!existsSync(join(dir, from))) continue;
    renameSync(join(dir, from), join(dir, to));
    moved.push(join(dir, to));
  }
  return moved;
}

function readOrDrawSecret(file: string): string {
  try {
    // `wx`: never overwrite a secret another start wrote in the meantime; readable by its owner only.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH || secret.includes(',')) throw new SessionSecretFileError(file);
  return secret;
}
