// `yarn start`: the whole store (embedded platform, hub, frontend). Until every part exists it says
// which parts are missing and how to start the parts that are there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspaces.mjs';

const parts = [
  { name: 'platform', entry: 'packages/platform/src/cli.ts', alone: 'yarn start:platform' },
  { name: 'hub', entry: 'packages/hub/src/cli.ts', alone: 'yarn start:hub' },
  { name: 'extensions', entry: 'packages/extensions/package.json', alone: 'yarn build' },
  { name: 'frontend', entry: 'packages/frontend/app', alone: null },
];
const missing = parts.filter((p) => !existsSync(join(root, p.entry)));
if (missing.length > 0) {
  console.error(`The whole store is not there yet. Missing: ${missing.map((p) => `packages/${p.name}`).join(', ')}.`);
  const ready = parts.filter((p) => !missing.includes(p) && p.alone);
  if (ready.length > 0) console.error(`Ready to run on their own: ${ready.map((p) => `${p.alone} (${p.name})`).join(', ')}.`);
  process.exit(1);
}
console.error('All parts exist, but the combined start-up is not wired yet (see the open issue on `yarn start`).');
process.exit(1);
