// Builds the deployable bundle: one CommonJS file with every dependency inside, loadable by plain
// require() with no node_modules beside it, as commercetools Frontend loads extensions.
import { build } from 'esbuild';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'build', 'bundle.min.js');

await build({
  entryPoints: [join(here, 'src', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
// This workspace is "type": "module"; the bundle is CommonJS, as the platform expects. Say so for Node.
writeFileSync(join(here, 'build', 'package.json'), '{ "type": "commonjs" }\n');
console.log(`extensions bundle: ${outfile} (${(statSync(outfile).size / 1024).toFixed(0)} KiB)`);
