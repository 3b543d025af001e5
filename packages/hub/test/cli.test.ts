import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { runToExit, type ExitResult } from './support/run-to-exit.js';
import { FIXTURES } from './support/start-test-hub.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function runCli(env: Record<string, string>, untilOutput?: RegExp): Promise<ExitResult> {
  return runToExit(['--import', 'tsx', CLI], { env, ...(untilOutput === undefined ? {} : { untilOutput }) });
}

describe('yarn start:hub', () => {
  it('serves a bundle and stops cleanly on SIGTERM', async () => {
    const result = await runCli({ HUB_PORT: '0', HUB_BUNDLE: `${FIXTURES}bundle.cjs`, HUB_PAGES: `${FIXTURES}pages.json` }, /API hub on http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(/API hub on http:\/\/127\.0\.0\.1:\d+ \(development\)/);
    expect(result.stderr).toMatch(/DEVELOPMENT default session secret/);
    expect(result.code).toBe(0);
  }, 30_000);

  it('exits with a clear message when the bundle cannot be loaded', async () => {
    const result = await runCli({ HUB_PORT: '0', HUB_BUNDLE: `${FIXTURES}throws-on-load-bundle.cjs` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The API hub did not start\.\nBUNDLE_LOAD_FAILED: The extensions bundle .* failed to load: the bundle cannot start: missing configuration/);
  }, 30_000);

  it('refuses production without a secret', async () => {
    const result = await runCli({ HUB_PORT: '0', HUB_BUNDLE: `${FIXTURES}bundle.cjs`, HUB_ENVIRONMENT: 'production', HUB_SESSION_SECRET: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SESSION_SECRET_MISSING/);
  }, 30_000);
});
