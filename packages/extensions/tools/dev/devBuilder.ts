import { createIncrementalBundle } from './incrementalBundle.js';
import type { Fingerprints } from './registryFingerprints.js';
import type { SourceProblem } from './sourceProblem.js';
import { EXTENSIONS_SETUP, startTypeChecker, type TypeCheckSetup } from './typeChecker.js';

/** A build of `yarn dev`: a bundle whose sources build and type-check, or why not. */
export type DevBuild =
  | {
      readonly ok: true;
      readonly code: string;
      readonly map: string;
      /** Which code each registry entry runs; a moment after the build (see CheckResult). */
      readonly fingerprints: Promise<Fingerprints | undefined>;
    }
  | { readonly ok: false; readonly kind: 'syntax' | 'types'; readonly problems: readonly SourceProblem[] };

export interface DevBuilder {
  /** Builds and type-checks the sources as they are now; `changed` names what changed since the last build. */
  build(changed: readonly string[]): Promise<DevBuild>;
  close(): Promise<void>;
}

/**
 * The extensions bundle for development: esbuild's incremental build (the deployable bundle's own options) and
 * the type check side by side. A bundle is only good when both pass, so a type error never reaches the hub.
 * `setup` names the registry and its tsconfig.json: this package's by default (tests build other sources).
 */
export async function startDevBuilder(outfile: string, setup: TypeCheckSetup = EXTENSIONS_SETUP): Promise<DevBuilder> {
  const checker = startTypeChecker(setup);
  const incremental = await createIncrementalBundle(outfile, setup.entry).catch(async (error: unknown) => {
    await checker.close();
    throw error;
  });
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
