/** Latencies in milliseconds, for percentiles. */
export class Latencies {
  readonly #values: number[] = [];

  add(ms: number): void {
    this.#values.push(ms);
  }

  get count(): number {
    return this.#values.length;
  }

  /** The value below which `p` (0–1) of them lie (nearest rank). */
  percentile(p: number): number {
    if (this.#values.length === 0) return Number.NaN;
    const sorted = [...this.#values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
  }

  get max(): number {
    return this.#values.reduce((max, value) => Math.max(max, value), 0);
  }
}

/** `ms` to one decimal, as the figures print it. */
export const ms = (value: number): string => `${value.toFixed(1)} ms`;
