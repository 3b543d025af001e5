// Type-checks every package against its own tsconfig.json (all extend the strict root config).
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = [];
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const project = join(root, 'packages', name, 'tsconfig.json');
  if (!existsSync(project)) continue;
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
  else console.log(`typecheck: packages/${name} ok`);
}
// The root's whole-system benchmark and reliability suite have their own configs too.
for (const name of ['bench', 'reliability']) {
  const project = join(root, name, 'tsconfig.json');
  if (!existsSync(project)) continue;
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
  else console.log(`typecheck: ${name} ok`);
}
if (failed.length > 0) {
  console.error(`typecheck failed in: ${failed.join(', ')}`);
  process.exit(1);
}
