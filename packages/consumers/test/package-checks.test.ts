// publint and @arethetypeswrong/cli on every tarball `yarn pack:packages` wrote: each must report no problem.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKED, REPO_ROOT } from './support/consumer.js';

const run = promisify(execFile);
const bin = (name: string): string => join(REPO_ROOT, 'node_modules', '.bin', name);
const tarballs = readdirSync(PACKED).filter((file) => file.endsWith('.tgz'));

describe('the packed public packages', () => {
  it('are there: one tarball per public package', () => {
    expect(tarballs.map((file) => file.replace(/-\d+\.\d+\.\d+.*$/, ''))).toEqual(expect.arrayContaining(['ctp-session-action-queue', 'ctp-session-local', 'ctp-session-session']));
  });

  it.each(tarballs)('%s: publint --strict finds nothing', async (file) => {
    const { stdout } = await run(bin('publint'), ['run', join(PACKED, file), '--strict'], { encoding: 'utf8' });
    expect(stdout).toContain('All good!');
  });

  // ctp-local is ESM only, as its dependency @labdigital/commercetools-mock is: attw's esm-only profile leaves out
  // node10 and require() from CommonJS. Every other package is checked in every resolution mode.
  it.each(tarballs)('%s: @arethetypeswrong/cli finds nothing (node10, node16 from CommonJS and ESM, bundler)', async (file) => {
    const esmOnly = file.startsWith('ctp-session-local-');
    const { stdout } = await run(bin('attw'), [join(PACKED, file), '--format', 'json', ...(esmOnly ? ['--profile', 'esm-only'] : [])], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout) as { analysis: { problems: { resolutionKind?: string }[] } };
    const ignored = esmOnly ? ['node10', 'node16-cjs'] : [];
    expect(report.analysis.problems.filter((problem) => !ignored.includes(problem.resolutionKind ?? ''))).toEqual([]);
  });
});
