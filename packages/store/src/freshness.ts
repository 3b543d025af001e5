import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Newest modification time of anything under `paths`: files, and folders too, because deleting or
 * renaming a file changes only its folder's time (directories are walked; node_modules skipped).
 */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== '.next' && entry !== 'build') visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** True when `output` is missing or older than any of `sources`. */
export function isStale(output: string, sources: readonly string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(sources);
}
