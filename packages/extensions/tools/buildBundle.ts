// Builds the deployable bundle: one CommonJS file with every dependency inside, loadable by plain
// require() with no node_modules beside it, as commercetools Frontend loads extensions.
import { build } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_BUNDLE_PATH = join(packageRoot, 'build', 'bundle.min.js');

/** Writes the bundle to `outfile` and returns its size in bytes. */
export async function buildBundle(outfile: string = DEFAULT_BUNDLE_PATH): Promise<number> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(packageRoot, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // This workspace is "type": "module"; the bundle is CommonJS, as the platform expects. Say so for Node.
  writeFileSync(join(dirname(outfile), 'package.json'), '{ "type": "commonjs" }\n');
  return statSync(outfile).size;
}
