// Jest's global set-up for the consumer tests: `yarn pack:packages` once, so every test file installs the same tarballs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function pack() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'pack-packages.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`yarn pack:packages failed:\n${result.stdout}\n${result.stderr}`);
}
