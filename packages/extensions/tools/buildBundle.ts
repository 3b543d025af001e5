// Builds the deployable bundle: one CommonJS file with every dependency inside, loadable by plain
// require() with no node_modules beside it, as commercetools Frontend loads extensions.
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSIONS_PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_BUNDLE_PATH = join(EXTENSIONS_PACKAGE_ROOT, 'build', 'bundle.min.js');
/** The registry: the bundle's entry point. */
export const BUNDLE_ENTRY = join(EXTENSIONS_PACKAGE_ROOT, 'src', 'index.ts');

/**
 * How the bundle is built, for the one-off build and the incremental one of `yarn dev` alike: what a
 * developer tries locally is what is deployed.
 */
export function bundleBuildOptions(outfile: string, entry: string = BUNDLE_ENTRY): BuildOptions {
  return {
    absWorkingDir: EXTENSIONS_PACKAGE_ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** This workspace is "type": "module"; the bundle is CommonJS, as the platform expects. Say so for Node. */
export function markFolderCommonJs(folder: string): void {
  writeFileSync(join(folder, 'package.json'), '{ "type": "commonjs" }\n');
}

/** Writes the bundle to `outfile` and returns its size in bytes. */
export async function buildBundle(outfile: string = DEFAULT_BUNDLE_PATH): Promise<number> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build(bundleBuildOptions(outfile));
  markFolderCommonJs(dirname(outfile));
  return statSync(outfile).size;
}
