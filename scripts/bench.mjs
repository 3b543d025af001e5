// `yarn bench`: the whole system measured side by side in one run (bench/index.ts): one table, also
// written as JSON to bench/results/. Every ratio is against a baseline measured in the same run.
// Each package's own benchmark still runs alone: `yarn workspace @ctp-session/<pkg> bench`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './workspaces.mjs';

const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'index.ts')], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
