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
    expect(tarballs.map((file) => file.replace(/-\d+\.\d+\.\d+.*$/, ''))).toEqual(expect.arrayContaining(['ctp-session-session']));
  });

  it.each(tarballs)('%s: publint --strict finds nothing', async (file) => {
    const { stdout } = await run(bin('publint'), ['run', join(PACKED, file), '--strict'], { encoding: 'utf8' });
    expect(stdout).toContain('All good!');
  });

  it.each(tarballs)('%s: @arethetypeswrong/cli finds nothing in node10, node16 (CommonJS and ESM) and bundler resolution', async (file) => {
    const { stdout } = await run(bin('attw'), [join(PACKED, file), '--format', 'json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  });
});
