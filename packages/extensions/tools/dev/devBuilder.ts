import { createIncrementalBundle } from './incrementalBundle.js';
import type { Fingerprints } from './registryFingerprints.js';
import type { SourceProblem } from './sourceProblem.js';
import { startTypeChecker } from './typeChecker.js';

/** A build of `yarn dev`: a bundle whose sources build and type-check, or why not. */
export type DevBuild =
  | { readonly ok: true; readonly code: string; readonly map: string; readonly fingerprints: Fingerprints | undefined }
  | { readonly ok: false; readonly kind: 'syntax' | 'types'; readonly problems: readonly SourceProblem[] };

export interface DevBuilder {
  /** Builds and type-checks the sources as they are now; `changed` names what changed since the last build. */
  build(changed: readonly string[]): Promise<DevBuild>;
  close(): Promise<void>;
}

/**
 * The extensions bundle for development: esbuild's incremental build (the deployable bundle's own options) and
 * the type check side by side. A bundle is only good when both pass, so a type error never reaches the hub.
 */
export async function startDevBuilder(outfile: string): Promise<DevBuilder> {
  const checker = startTypeChecker();
  let bundle;
  try {
    bundle = await createIncrementalBundle(outfile);
  } catch (error) {
    await checker.close();
    throw error;
  }
  const incremental = bundle;
  let first = true;
  return {
    async build(changed) {
      const check = first ? checker.first : checker.check(changed);
      first = false;
      const [built, checked] = await Promise.all([incremental.rebuild(), check]);
      // esbuild's errors first: a syntax error is also a type error, said better by the bundler.
      if (!built.ok) return { ok: false, kind: 'syntax', problems: built.problems };
      if (checked.problems.length > 0) return { ok: false, kind: 'types', problems: checked.problems };
      return { ok: true, code: built.code, map: built.map, fingerprints: checked.fingerprints };
    },
    async close() {
      await Promise.all([incremental.dispose(), checker.close()]);
    },
  };
}
