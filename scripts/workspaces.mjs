// Small helpers for the root scripts: list the packages and run a script in each that has it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function packages() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .sort()
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => {
      const path = join(dir, name);
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
      return { name, path, manifest };
    });
}

/** Runs `yarn run <script>` in every package that defines it, in order; exits on the first failure. */
export function runInEach(script, order = []) {
  const all = packages();
  const ranked = [...all].sort((a, b) => rank(order, a.name) - rank(order, b.name));
  const ran = [];
  for (const pkg of ranked) {
    if (!pkg.manifest.scripts?.[script]) continue;
    console.log(`\n== ${script}: packages/${pkg.name} ==`);
    const result = spawnSync('yarn', ['run', '--silent', script], { cwd: pkg.path, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`${script} failed in packages/${pkg.name}`);
      process.exit(result.status ?? 1);
    }
    ran.push(pkg.name);
  }
  return ran;
}

function rank(order, name) {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}
