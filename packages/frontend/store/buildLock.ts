import { mkdirSync, rmSync, statSync } from 'node:fs';

const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `work` while holding a directory lock, so that test files started in parallel (and a `yarn
 * start` next to them) do not run the same build at once. A lock older than ten minutes is taken over:
 * its owner died.
 */
export async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Removed by its owner in the meantime: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
