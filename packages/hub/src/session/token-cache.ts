import type { SessionStamp } from './envelope.js';

/**
 * Tokens already verified and decrypted (or issued) by this hub, so a shopper's unchanged token is not
 * verified again on every call. Keyed by the exact token string: a token that differs in one character
 * is a different key and goes through full verification. Bounded by two generations: when the young one
 * is full it becomes the old one and the previous old one is dropped (no per-entry bookkeeping).
 */
export interface CachedSession {
  readonly json: string;
  readonly keyIndex: number;
  /** The token's own lifetime stamp: checked against the clock on every use, never cached as a verdict. */
  readonly stamp: SessionStamp;
}

export class TokenCache {
  #young = new Map<string, CachedSession>();
  #old = new Map<string, CachedSession>();
  readonly #generationSize: number;

  /** Holds between `capacity / 2` and `capacity` of the most recent tokens. */
  constructor(capacity = 10_000) {
    this.#generationSize = Math.floor(capacity / 2);
  }

  get(token: string): CachedSession | undefined {
    return this.#young.get(token) ?? this.#old.get(token);
  }

  set(token: string, entry: CachedSession): void {
    // Only a session object may come back out of the cache (its JSON text starts with '{').
    if (this.#generationSize <= 0 || !entry.json.startsWith('{')) return;
    if (this.#young.size >= this.#generationSize) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(token, entry);
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
