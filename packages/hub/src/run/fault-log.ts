import type { HubLogger } from '../log/logger.js';
import { describeError } from '../routes/extension-failure.js';
import type { BundleFault, BundleFaultKind } from './extension-scope.js';

/** How much of a bundle's stray failures reaches the log. */
export interface FaultLogLimits {
  /** Repeats of a fault are counted for this long, then logged as one line with their number. */
  readonly windowMs: number;
  /** First occurrences logged per window, and again repeat counts logged at its end; past it faults are only counted. */
  readonly maxLinesPerWindow: number;
}

export const DEFAULT_FAULT_LOG_LIMITS: FaultLogLimits = { windowMs: 60_000, maxLinesPerWindow: 20 };

// Distinct faults remembered per window: a bundle whose every failure text differs is counted, not stored.
const MAX_KINDS = 1_000;
const MAX_REASON = 500;

interface Seen {
  readonly kind: BundleFaultKind;
  readonly what: string;
  readonly reason: string;
  /** Occurrences in this window not yet in the log. */
  unlogged: number;
}

/**
 * Logs bundle faults (a promise nobody awaited, a throwing timer) deduplicated and rate-limited: the first of each
 * (kind, what, reason) in a window is logged with its request id, repeats are counted and logged once at the end
 * of the window with their number: at most `maxLinesPerWindow` first occurrences, as many counts (the most repeated
 * first) and one line summing up the rest. A bundle that fails 20,000 times a second so costs the log at most 41
 * lines a minute, and nothing it does is lost from the counts.
 */
export class FaultLog {
  readonly #seen = new Map<string, Seen>();
  #lines = 0;
  #uncounted = 0;
  #windowStart: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: HubLogger,
    private readonly limits: FaultLogLimits = DEFAULT_FAULT_LOG_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.#windowStart = now();
  }

  report(fault: BundleFault): void {
    if (this.now() - this.#windowStart >= this.limits.windowMs) this.flush();
    this.#timer ??= setInterval(() => this.flush(), this.limits.windowMs).unref();
    const reason = describeError(fault.error).slice(0, MAX_REASON);
    const key = `${fault.kind}\u0000${fault.scope.what}\u0000${reason}`;
    const seen = this.#seen.get(key);
    if (seen !== undefined) {
      seen.unlogged += 1;
      return;
    }
    if (this.#seen.size >= MAX_KINDS) {
      this.#uncounted += 1;
      return;
    }
    const first: Seen = { kind: fault.kind, what: fault.scope.what, reason, unlogged: 1 };
    this.#seen.set(key, first);
    if (this.#lines >= this.limits.maxLinesPerWindow) return;
    this.#lines += 1;
    first.unlogged = 0;
    this.logger.log('error', 'bundle code failed after its answer (a promise it did not await, a timer); the hub keeps serving', {
      kind: fault.kind,
      what: fault.scope.what,
      requestId: fault.scope.requestId,
      reason,
    });
  }

  /** Logs the repeats of the window that ends now (at most the line limit, then one line for the rest) and starts the next. */
  flush(): void {
    const windowSeconds = Math.round((this.now() - this.#windowStart) / 1000);
    const repeated = [...this.#seen.values()].filter((seen) => seen.unlogged > 0).sort((a, b) => b.unlogged - a.unlogged);
    const shown = repeated.slice(0, this.limits.maxLinesPerWindow);
    for (const seen of shown) {
      this.logger.log('error', 'bundle code failed after its answer, again (counted, not logged each time); the hub keeps serving', {
        kind: seen.kind,
        what: seen.what,
        reason: seen.reason,
        times: seen.unlogged,
        windowSeconds,
      });
    }
    const rest = repeated.slice(shown.length).reduce((sum, seen) => sum + seen.unlogged, 0) + this.#uncounted;
    if (rest > 0) this.logger.log('error', 'more bundle faults in this window (counted, not logged); the hub keeps serving', { times: rest, windowSeconds });
    this.#seen.clear();
    this.#lines = 0;
    this.#uncounted = 0;
    this.#windowStart = this.now();
  }

  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.flush();
  }
}
