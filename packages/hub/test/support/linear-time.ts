/** One mebibyte of `unit` repeated: the size the linear-time pins scrub. */
export const ONE_MB = 1 << 20;

export function fill(unit: string, length: number = ONE_MB): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * The fastest of five runs, in milliseconds of this process's CPU time: a shared machine stretches the wall clock
 * of any run (the process waits for a core), not the CPU time it takes, and a scan that retries at every position
 * is slow on every run (seconds to minutes for 1 MB), so the best run tells them apart.
 */
export function bestOfFiveMs(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
