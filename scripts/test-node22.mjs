// The extension runner's other Node version: the session library (from source and as published), the hub and the bundle contract
// (the built bundle loaded and called in a bare process) run again on Node 22. Node 22 comes from the
// npm registry's `node` package (scripts/node-bin.sh), never from anywhere else.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = execFileSync('bash', [join(root, 'scripts', 'node-bin.sh'), '22'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const node = join(bin, 'node');
console.log(`test:node22: ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()} (${node})`);
const jest = [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--selectProjects', 'session', 'hub', 'extensions', 'consumers',
  // Of the extensions, only the bundle contract: the rest needs the whole store, which runs on 24. Of the consumer
  // tests, the published session library's (it runs in the extension runner).
  '--testPathPatterns', 'packages/session/', 'packages/hub/', 'packages/extensions/test/bundle', 'packages/consumers/test/session',
  ...process.argv.slice(2),
];
// The child's PATH starts with Node 22, so what the tests spawn with process.execPath or `node` is 22 too.
const result = spawnSync(node, jest, { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
process.exit(result.status ?? 1);
