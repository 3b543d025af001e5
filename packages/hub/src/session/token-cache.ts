/**
 * Tokens already verified and decrypted (or issued) by this hub, so a shopper's unchanged token is not
 * verified again on every call. Keyed by the exact token string: a token that differs in one character
 * is a different key and goes through full verification. Bounded; the oldest entries leave first.
 */
export interface CachedSession {
  readonly json: string;
  readonly keyIndex: number;
}

export class TokenCache {
  readonly #entries = new Map<string, CachedSession>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  get(token: string): CachedSession | undefined {
    return this.#entries.get(token);
  }

  set(token: string, entry: CachedSession): void {
    if (this.#capacity <= 0) return;
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, entry);
  }

  get size(): number {
    return this.#entries.size;
  }
}
