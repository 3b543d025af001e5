import { statSync } from 'node:fs';
import { HubError } from '../errors.js';
import type { HubLogger } from '../log/logger.js';
import type { ExtensionBundle } from './extension-types.js';
import { loadBundle, PROCESS_GLOBALS, type BundleGlobals } from './load-bundle.js';

/** Runs the bundle's evaluation (inside the extension scope the hub gives it). */
export type EnterBundleCode = <T>(run: () => T) => T;

const MAX_NAMED = 20;

/** What a swap did: the new bundle serves from now on, or it failed to load and the previous one still serves. */
export type BundleSwap = { readonly swapped: true; readonly version: number } | { readonly swapped: false; readonly error: HubError };

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED).join(', ');
  return names.length > MAX_NAMED ? `${shown} and ${names.length - MAX_NAMED} more` : shown;
}

/** The bundle in use; in development it is swapped for a fresh load whenever the file changes on disk. */
export class BundleHolder {
  #bundle: ExtensionBundle;
  #version = 1;
  #loadedAt = new Date();
  #timer: NodeJS.Timeout | undefined;
  #loadedStamp: string | undefined;
  readonly file: string;
  readonly #logger: HubLogger;
  readonly #enter: EnterBundleCode;

  readonly #globals: BundleGlobals;

  /**
   * Loads the bundle now; a bundle that fails to load throws here so the hub never starts without one.
   * `globals` are the `console` its code logs through and the timers it uses.
   */
  constructor(file: string, logger: HubLogger, enter: EnterBundleCode = (run) => run(), globals: BundleGlobals = PROCESS_GLOBALS) {
    this.file = file;
    this.#logger = logger;
    this.#enter = enter;
    this.#globals = globals;
    this.#bundle = this.#load();
  }

  get current(): ExtensionBundle {
    return this.#bundle;
  }

  get version(): number {
    return this.#version;
  }

  get loadedAt(): Date {
    return this.#loadedAt;
  }

  #stamp(): string | undefined {
    try {
      const stats = statSync(this.file);
      return `${stats.mtimeMs}:${stats.size}`;
    } catch {
      return undefined;
    }
  }

  #load(): ExtensionBundle {
    // Stamped before reading: a write during the load shows up as a change on the next poll.
    this.#loadedStamp = this.#stamp();
    const { bundle, unknownKeys, skipped } = loadBundle(this.file, this.#enter, this.#globals);
    if (unknownKeys.length > 0) {
      this.#logger.log('warn', 'bundle default export has keys the platform ignores', { keys: unknownKeys.join(','), file: this.file });
    }
    if (skipped.length > 0) {
      this.#logger.log('warn', 'bundle registry entries that are not functions were skipped, as the platform skips them', { entries: nameList(skipped), count: skipped.length, file: this.file });
    }
    return bundle;
  }

  /**
   * Loads the file again and serves from it, saying nothing: the caller reports. Calls already running keep the
   * handlers they started with (each route takes its handler from `current` once), so they finish on the bundle
   * they began on; calls that start afterwards get the new one. On failure the previous bundle stays in service.
   */
  swap(): BundleSwap {
    try {
      this.#bundle = this.#load();
    } catch (error) {
      return { swapped: false, error: error instanceof HubError ? error : new HubError('BUNDLE_LOAD_FAILED', String(error), { cause: error }) };
    }
    this.#version += 1;
    this.#loadedAt = new Date();
    return { swapped: true, version: this.#version };
  }

  /** Reloads from disk; on failure the previous bundle stays in service and the error is logged. */
  reload(): boolean {
    const swap = this.swap();
    if (swap.swapped) this.#logger.log('info', 'bundle reloaded', { file: this.file, version: swap.version });
    else this.#logger.log('error', 'bundle reload failed; the previous bundle is still serving', { file: this.file, reason: swap.error.message });
    return swap.swapped;
  }

  /**
   * Polls the file against what was loaded (not against the previous poll), so a change made before the
   * first poll is not missed, and editors or bundlers that replace the file are seen too.
   */
  watch(intervalMs: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      const stamp = this.#stamp();
      if (stamp !== undefined && stamp !== this.#loadedStamp) {
        if (!this.reload()) this.#loadedStamp = stamp; // report a broken file once, not on every poll
      }
    }, intervalMs);
    this.#timer.unref();
  }

  close(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
