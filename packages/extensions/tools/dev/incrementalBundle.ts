import { context, type BuildFailure, type Message } from 'esbuild';
import { isAbsolute, join } from 'node:path';
import { BUNDLE_ENTRY, bundleBuildOptions, EXTENSIONS_PACKAGE_ROOT } from '../buildBundle.js';
import type { SourceProblem } from './sourceProblem.js';

/** One rebuild: the bundle and its source map (not written anywhere yet), or what stopped it. */
export type BundleBuild = { readonly ok: true; readonly code: string; readonly map: string } | { readonly ok: false; readonly problems: readonly SourceProblem[] };

export interface IncrementalBundle {
  /** Builds again from the sources as they are now; esbuild re-reads and re-parses only what changed. */
  rebuild(): Promise<BundleBuild>;
  dispose(): Promise<void>;
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return typeof error === 'object' && error !== null && Array.isArray((error as Partial<BuildFailure>).errors);
}

function problemOf(message: Message): SourceProblem {
  const where = message.location;
  const file = where === null ? undefined : isAbsolute(where.file) ? where.file : join(EXTENSIONS_PACKAGE_ROOT, where.file);
  return { file, line: where?.line ?? 1, column: (where?.column ?? 0) + 1, message: message.text };
}

/**
 * The deployable bundle's build (the same esbuild options as `yarn build`), kept as an esbuild context so that
 * each rebuild reuses the previous one's work. `outfile` only names the bundle and its source map: nothing is
 * written, the caller decides what to do with a build. `entry` is the registry (tests build other sources).
 */
export async function createIncrementalBundle(outfile: string, entry: string = BUNDLE_ENTRY): Promise<IncrementalBundle> {
  const builder = await context({ ...bundleBuildOptions(outfile, entry), write: false, logLevel: 'silent' });
  return {
    async rebuild() {
      try {
        const result = await builder.rebuild();
        const files = result.outputFiles ?? [];
        const code = files.find((file) => file.path.endsWith('.js'));
        const map = files.find((file) => file.path.endsWith('.js.map'));
        if (code === undefined || map === undefined) throw new Error(`esbuild wrote no bundle for ${outfile}`);
        return { ok: true, code: code.text, map: map.text };
      } catch (error) {
        if (isBuildFailure(error)) return { ok: false, problems: error.errors.map(problemOf) };
        throw error;
      }
    },
    dispose: () => builder.dispose(),
  };
}
