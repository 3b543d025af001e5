import type { Log } from './progress.js';

/** Says a failure once: saving again without fixing it gets one line, not the whole error again. */
export interface FailureReport {
  /** `headline` and the problem's lines (printed indented); a repeat of the last failure prints a reminder only. */
  failed(headline: string, lines: readonly string[], reminder: string): void;
  /** The next failure is new again, whatever it is. */
  succeeded(): void;
  /** True while the last report was a failure. */
  failing(): boolean;
}

export function failureReport(log: Log): FailureReport {
  let last: string | undefined;
  return {
    failed(headline, lines, reminder) {
      const key = [headline, ...lines].join('\n');
      if (key === last) {
        log(reminder);
        return;
      }
      last = key;
      log(headline);
      for (const line of lines) log(`  ${line}`);
    },
    succeeded() {
      last = undefined;
    },
    failing: () => last !== undefined,
  };
}
