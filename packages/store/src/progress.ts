import { StoreStopRequestedError } from './stopRequested.js';

export type Log = (line: string) => void;

/** One finished step of the start-up, for the summary and the closing line. */
export interface StepTiming {
  readonly step: string;
  readonly ms: number;
  /** What the step found: `built`, `up to date`, `started`, … */
  readonly outcome: string;
}

/** What the store is doing right now, for the starting page. */
export interface CurrentStep {
  readonly step: string;
  readonly sinceMs: number;
}

const HEARTBEAT_MS = 15_000;

export function formatMs(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/**
 * The start-up's steps: each says that it started, says "still …" every 15 s while it runs, and says how
 * long it took, so a first start on a fresh clone shows where its minutes go.
 */
export class Progress {
  readonly timings: StepTiming[] = [];
  private current: { step: string; startedAt: number } | undefined;
  private readonly startedAt = Date.now();

  /** `earlier`: steps taken before this Progress existed (e.g. loading the store's code), for the summary. */
  constructor(
    private readonly log: Log,
    earlier: readonly StepTiming[] = [],
  ) {
    this.timings.push(...earlier);
    this.earlierMs = earlier.reduce((sum, timing) => sum + timing.ms, 0);
  }

  private readonly earlierMs: number;

  /**
   * Runs one step and resolves with what `work` resolved with. `outcomeOf` says it in words for the log
   * (`built`, `up to date`, `at http://…`; by default the value itself); `work` may report lines of its
   * own through `say`.
   */
  async step<T>(step: string, work: (say: Log) => Promise<T>, outcomeOf: (value: T) => string = String): Promise<T> {
    const startedAt = Date.now();
    this.current = { step, startedAt };
    this.log(`▸ ${step}…`);
    const heartbeat = setInterval(() => this.log(`  … still ${step} (${formatMs(Date.now() - startedAt)})`), HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const value = await work((line) => this.log(`  ${line}`));
      const ms = Date.now() - startedAt;
      const outcome = outcomeOf(value);
      this.timings.push({ step, ms, outcome });
      this.log(`✓ ${step}: ${outcome} in ${formatMs(ms)}`);
      return value;
    } catch (error) {
      this.log(`✗ ${step} ${error instanceof StoreStopRequestedError ? 'stopped' : 'failed'} after ${formatMs(Date.now() - startedAt)}`);
      throw error;
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }

  /** The step running now, if any. */
  now(): CurrentStep | undefined {
    return this.current && { step: this.current.step, sinceMs: Date.now() - this.current.startedAt };
  }

  /** Since the start, earlier steps included. */
  elapsedMs(): number {
    return this.earlierMs + Date.now() - this.startedAt;
  }

  /** One line per step and the total: where the start-up's time went. */
  summary(): string {
    const width = Math.max(...this.timings.map((timing) => timing.step.length), 5);
    const rows = this.timings.map((timing) => `  ${timing.step.padEnd(width)}  ${formatMs(timing.ms).padStart(8)}  ${timing.outcome}`);
    return [`Start-up took ${formatMs(this.elapsedMs())}:`, ...rows].join('\n');
  }
}
