import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { HubLogger } from '../log/logger.js';
import type { ExtensionBundle } from './extension-types.js';
import { loadBundle } from './load-bundle.js';

/** The bundle in use; in development it is swapped for a fresh load whenever the file changes on disk. */
export class BundleHolder {
  #bundle: ExtensionBundle;
  #version = 1;
  #loadedAt = new Date();
  #watching = false;
  readonly file: string;
  readonly #logger: HubLogger;

  /** Loads the bundle now; a bundle that fails to load throws here so the hub never starts without one. */
  constructor(file: string, logger: HubLogger) {
    this.file = file;
    this.#logger = logger;
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

  #load(): ExtensionBundle {
    const { bundle, unknownKeys } = loadBundle(this.file);
    if (unknownKeys.length > 0) {
      this.#logger.log('warn', 'bundle default export has keys the platform ignores', { keys: unknownKeys.join(','), file: this.file });
    }
    return bundle;
  }

  /** Reloads from disk; on failure the previous bundle stays in service and the error is logged. */
  reload(): boolean {
    try {
      this.#bundle = this.#load();
      this.#version += 1;
      this.#loadedAt = new Date();
      this.#logger.log('info', 'bundle reloaded', { file: this.file, version: this.#version });
      return true;
    } catch (error) {
      this.#logger.log('error', 'bundle reload failed; the previous bundle is still serving', { file: this.file, reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  readonly #onChange = (current: Stats, previous: Stats): void => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) this.reload();
  };

  /** Polls the file: survives editors and bundlers that replace it rather than writing in place. */
  watch(intervalMs: number): void {
    if (this.#watching) return;
    this.#watching = true;
    watchFile(this.file, { interval: intervalMs, persistent: false }, this.#onChange);
  }

  close(): void {
    if (!this.#watching) return;
    this.#watching = false;
    unwatchFile(this.file, this.#onChange);
  }
}
