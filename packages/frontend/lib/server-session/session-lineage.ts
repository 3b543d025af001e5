import { SessionEndedError } from '../session-ended-error';

/** The token a write left in the cookie: a new one, `null` when it ended the session (logout), `undefined` when it left it as it was. */
export type NextToken = string | null | undefined;

/** What one write did: the token it left, and its result or error (given back to its caller after the token is recorded). */
export interface SessionStep<T> {
  next: NextToken;
  outcome: { ok: true; value: T } | { ok: false; error: unknown };
}

interface Line {
  /** The newest token of the session; `null` once it ended; `undefined` before its first token. */
  latest: string | null | undefined;
  /** Settles when the last write queued on this session has settled. */
  tail: Promise<void>;
}

export interface SessionLineageOptions {
  /** How long a token is remembered after it was issued or last seen. Default 10 minutes. */
  ttlMs?: number;
  /** How many tokens are remembered at most (the oldest go first). Default 10,000. */
  maxTokens?: number;
  now?: () => number;
}

/**
 * The sessions this server process has written, by token, so that writes of one session never overlap.
 *
 * A session has no fixed name the server can see: every write gives it a new token (and the real platform
 * gives even a read a new one). So a session is followed as a line of tokens: a request carrying any token
 * of the line waits for the line's writes before it, one at a time, and then runs with the line's newest
 * token, not the one it brought. Two submissions made with the same cookie at the same moment therefore
 * keep both effects, and so does a browser that stored the answers in the wrong order. Once a write ends the
 * session (logout), a request that still carries one of its tokens is refused with `SessionEndedError`,
 * as the browser's queue refuses one.
 *
 * This holds within one process only: see the README for several server instances.
 */
export class SessionLineage {
  readonly #tokens = new Map<string, { line: Line; seen: number }>();
  readonly #ttlMs: number;
  readonly #maxTokens: number;
  readonly #now: () => number;

  constructor(options: SessionLineageOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 600_000;
    this.#maxTokens = Math.max(1, options.maxTokens ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  /** How many tokens are remembered now. */
  get size(): number {
    return this.#tokens.size;
  }

  /** The newest token known for the session of `token` (`token` itself when it is unknown), or null when that session ended. */
  latest(token: string | undefined): string | null | undefined {
    if (token === undefined) return undefined;
    const line = this.#find(token);
    return line === undefined ? token : line.latest;
  }

  /**
   * Runs `step` once every earlier write of the same session in this process has settled, with the session's
   * newest token; records the token it leaves, then settles like its outcome. A request without a token has
   * no session to wait for: it runs at once, and its first token starts a new line.
   */
  serialise<T>(token: string | undefined, step: (current: string | undefined) => Promise<SessionStep<T>>): Promise<T> {
    const line: Line = token === undefined ? { latest: undefined, tail: Promise.resolve() } : this.#lineOf(token);
    const run = line.tail.then(async () => {
      const current = line.latest;
      if (current === null) throw new SessionEndedError('logout');
      const { next, outcome } = await step(current);
      if (next !== undefined) {
        line.latest = next;
        if (next !== null) this.#remember(next, line);
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
    line.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  #find(token: string): Line | undefined {
    const entry = this.#tokens.get(token);
    if (entry === undefined) return undefined;
    if (this.#now() - entry.seen > this.#ttlMs) {
      this.#tokens.delete(token);
      return undefined;
    }
    return entry.line;
  }

  #lineOf(token: string): Line {
    const line = this.#find(token) ?? { latest: token, tail: Promise.resolve() };
    this.#remember(token, line);
    return line;
  }

  #remember(token: string, line: Line): void {
    // Re-inserted so the map's order stays oldest first, which is the order tokens are forgotten in.
    this.#tokens.delete(token);
    this.#tokens.set(token, { line, seen: this.#now() });
    const cutoff = this.#now() - this.#ttlMs;
    for (const [oldest, entry] of this.#tokens) {
      if (this.#tokens.size <= this.#maxTokens && entry.seen >= cutoff) break;
      this.#tokens.delete(oldest);
    }
  }
}
