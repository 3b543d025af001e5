import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

/** Saved files, reported once an editor has finished writing them. */
export interface SourceChange {
  /** Absolute paths that were created, edited, renamed or deleted. */
  readonly paths: readonly string[];
  /** `performance.now()` of the first event of the batch: when the save happened, as near as can be told. */
  readonly firstEventAt: number;
}

export interface SourceWatcher {
  close(): void;
}

export interface SourceWatchOptions {
  /** Only paths this accepts count (editors' swap and backup files never do). */
  readonly accept?: (path: string) => boolean;
  /** How long the folders must be quiet before a batch is reported. */
  readonly quietMs?: number;
}

// An editor's save is several events (truncate and write, or write aside and rename) within a few milliseconds.
const QUIET_MS = 25;
const EDITOR_LEFTOVERS = /(?:~|\.swp|\.swx|\.tmp|\.crswap|[/\\]4913)$|[/\\]\.#/;

const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * Watches folders and every folder in them through node:fs.watch, which the kernel notifies, instead of polling:
 * a save is seen within milliseconds. One watch per folder, not node's `recursive` option: on Linux that one
 * watches each file, and loses a file for good once an editor saves it by writing a copy and renaming it over
 * (vim, JetBrains' safe write, `sed -i`); a folder's watch sees every name in it, whatever is renamed over what.
 * Each batch of paths is reported once the folders have been quiet for a moment.
 */
export function watchSources(folders: readonly string[], onChange: (change: SourceChange) => void, options: SourceWatchOptions = {}): SourceWatcher {
  const accept = options.accept ?? ((): boolean => true);
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let firstEventAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    if (!closed) onChange({ paths, firstEventAt });
  };
  const unwatch = (folder: string): void => {
    for (const [path, watcher] of watchers) {
      if (path !== folder && !path.startsWith(`${folder}${sep}`)) continue;
      watcher.close();
      watchers.delete(path);
    }
  };
  const record = (path: string): void => {
    if (EDITOR_LEFTOVERS.test(path) || !accept(path)) return;
    if (pending.size === 0) firstEventAt = performance.now();
    pending.add(path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, options.quietMs ?? QUIET_MS);
  };
  /** Watches `folder` and what is in it; files already there are reported when `announce` (a folder that just appeared). */
  const watchFolder = (folder: string, announce: boolean): void => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name === null) return;
        const path = join(folder, name.toString());
        if (isDirectory(path)) watchFolder(path, true);
        else if (watchers.has(path)) unwatch(path);
        record(path);
      });
    } catch {
      // Gone before it could be watched (created and removed at once): nothing in it to build from.
      return;
    }
    // A watched folder that is removed ends its watch with an error on some systems: the parent reports the removal.
    watcher.on('error', () => unwatch(folder));
    watchers.set(folder, watcher);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) watchFolder(path, announce);
      else if (announce) record(path);
    }
  };
  for (const folder of folders) watchFolder(folder, false);
  return {
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
