import { setFlagsFromString } from 'node:v8';

/**
 * A local platform idles next to a dev server and a hub: ask V8 for a small young generation and
 * size-optimised code. Roughly 190 MB → 130 MB idle RSS. Must run before the platform's modules load.
 */
export function applyLowMemoryFlags(): void {
  setFlagsFromString('--max-semi-space-size=2');
  setFlagsFromString('--optimize-for-size');
}
