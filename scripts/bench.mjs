// `yarn bench`: runs each package's benchmark. Figures are ratios against a baseline measured in the same run.
import { runInEach } from './workspaces.mjs';

const ran = runInEach('bench', ['session', 'platform', 'hub', 'extensions', 'frontend']);
console.log(ran.length === 0 ? 'No benchmarks yet.' : `\nBenchmarks ran for: ${ran.join(', ')}`);
