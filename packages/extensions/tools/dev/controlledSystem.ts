import { existsSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import ts from 'typescript';

/** A TypeScript `System` whose file watching and timers are driven from outside. */
export interface ControlledSystem {
  readonly system: ts.System;
  /** Tells TypeScript that these paths changed (created, edited or deleted), then runs the update it schedules. */
  changed(paths: readonly string[]): void;
}

interface DirectoryWatch {
  readonly callback: ts.DirectoryWatcherCallback;
  readonly recursive: boolean;
}

/**
 * The store watches the sources itself (one watcher, for the bundle and the type check alike), so TypeScript
 * must not watch or poll on its own: it is told what changed, and the update it would run after its usual
 * 250 ms delay runs at once, so that the check of a save ends as soon as it can.
 */
export function createControlledSystem(): ControlledSystem {
  const files = new Map<string, Set<ts.FileWatcherCallback>>();
  // Whether each watched file existed when last seen: TypeScript tells a created file from an edited one.
  const existed = new Map<string, boolean>();
  const directories = new Map<string, Set<DirectoryWatch>>();
  let scheduled: Array<() => void> = [];
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V): ts.FileWatcher => {
    const set = map.get(key) ?? new Set<V>();
    set.add(value);
    map.set(key, set);
    return { close: () => void set.delete(value) };
  };
  const system: ts.System = {
    ...ts.sys,
    watchFile: (path, callback) => {
      if (!existed.has(path)) existed.set(path, existsSync(path));
      return add(files, path, callback);
    },
    watchDirectory: (path, callback, recursive) => add(directories, path, { callback, recursive: recursive === true }),
    setTimeout: (callback, _ms, ...args: unknown[]) => {
      const run = (): void => void callback(...args);
      scheduled.push(run);
      return run;
    },
    clearTimeout: (handle) => {
      scheduled = scheduled.filter((run) => run !== handle);
    },
  };
  return {
    system,
    changed(paths) {
      for (const path of paths) {
        const now = existsSync(path);
        const before = existed.get(path) ?? now;
        existed.set(path, now);
        const kind = !now ? ts.FileWatcherEventKind.Deleted : before ? ts.FileWatcherEventKind.Changed : ts.FileWatcherEventKind.Created;
        for (const callback of files.get(path) ?? []) callback(path, kind);
        for (let folder = dirname(path), direct = true; ; folder = dirname(folder), direct = false) {
          for (const watch of directories.get(folder) ?? []) if (direct || watch.recursive) watch.callback(path);
          if (dirname(folder) === folder || !folder.includes(sep)) break;
        }
      }
      // An update may schedule another (resolutions of failed imports first, then the program): run them all.
      while (scheduled.length > 0) {
        const now = scheduled;
        scheduled = [];
        for (const run of now) run();
      }
    },
  };
}
