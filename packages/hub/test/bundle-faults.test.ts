import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { guardProcessAgainstBundleFaults, type BundleFault, type BundleFaultKind } from '../src/index.js';
import { runInExtensionScope } from '../src/run/extension-scope.js';
import { startHubProcess } from './support/hub-process.js';
import { rawCall } from './support/raw-call.js';
import { runToExit, type ExitResult } from './support/run-to-exit.js';
import { FIXTURES } from './support/start-test-hub.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wcGVyIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const GUARD = fileURLToPath(new URL('../src/run/process-guard.ts', import.meta.url));

describe('a bundle never ends the hub (yarn start:hub)', () => {
  it('logs an unawaited rejected promise and a throwing timer once each, redacted, with the request id, and keeps serving', async () => {
    const hub = await startHubProcess({ HUB_BUNDLE: `${FIXTURES}fire-and-forget-bundle.cjs` });
    try {
      const register = await rawCall(`${hub.url}/frontastic/action/account/register`, { body: JSON.stringify({ email: 'new@example.com' }) });
      expect(register.status).toBe(200);
      const registerId = register.headers.get('frontastic-request-id') ?? '';
      const rejection = await hub.waitForLog(new RegExp(`kind="unhandled-rejection".*requestId="${registerId}"`));
      expect(rejection).toMatch(/error bundle code failed after its answer .*the hub keeps serving kind="unhandled-rejection" what="action account\/register"/);
      expect(rejection).toContain('ECONNREFUSED 127.0.0.1:1 while mailing new@example.com with [redacted token]');

      expect((await rawCall(`${hub.url}/frontastic/action/health/ping`, { body: '{}' })).json()).toEqual({ pong: true });

      const checkout = await rawCall(`${hub.url}/frontastic/action/order/checkout`, { body: '{}' });
      expect(checkout.status).toBe(200);
      const checkoutId = checkout.headers.get('frontastic-request-id') ?? '';
      const thrown = await hub.waitForLog(new RegExp(`kind="uncaught-exception".*requestId="${checkoutId}"`));
      expect(thrown).toContain('what="action order/checkout"');
      expect(thrown).toContain('TypeError: Cannot read properties of undefined');

      expect((await rawCall(`${hub.url}/frontastic/action/health/ping`, { body: '{}' })).status).toBe(200);
      const faultLines = hub.stderr().split('\n').filter((line) => line.includes('bundle code failed after its answer'));
      expect(faultLines).toHaveLength(2);
      expect(hub.stderr()).not.toContain(TOKEN);
    } finally {
      expect(await hub.stop()).toBe(0);
    }
  }, 60_000);
});

describe("a bundle's console output is redacted (yarn start:hub)", () => {
  it('bearer tokens, passwords, client secrets and e-mail tokens a bundle logs never reach the terminal; the rest does', async () => {
    const hub = await startHubProcess({ HUB_BUNDLE: `${FIXTURES}logging-bundle.cjs` });
    try {
      const answer = await rawCall(`${hub.url}/frontastic/action/account/register`, { body: JSON.stringify({ email: 'ann@example.com', password: 'Secret-123' }) });
      expect(answer.status).toBe(200);
      await hub.waitForLog(/request failed/);
      const deadline = Date.now() + 10_000;
      while (!hub.stdout().includes('registered ann@example.com') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      const output = `${hub.stdout()}\n${hub.stderr()}`;
      for (const secret of ['M5-X7N_ZV-NIy00XqKviULGa2l5fKtdB', 'Secret-123', 'local-platform-secret-value', 'rCUOkX9IpiXeoOV-FfzID5NVyxcGOqr3dAUIYXCJneQ']) {
        expect(output).not.toContain(secret);
      }
      expect(hub.stdout()).toContain("Authorization: 'Bearer [redacted]'");
      expect(hub.stdout()).toContain("email: 'ann@example.com', password: '[redacted]'");
      expect(hub.stdout()).toContain("bundle loaded with { clientSecret: '[redacted]' }");
      expect(hub.stdout()).toContain('registered ann@example.com');
      expect(hub.stderr()).toMatch(/request failed: Authorization: Bearer \[redacted\] \{ body: \{ tokenValue: '\[redacted\]' \} \}/);
    } finally {
      expect(await hub.stop()).toBe(0);
    }
  }, 60_000);
});

/** Runs a short ES module that installs the guard, in a process of its own. */
function runGuarded(body: string): Promise<ExitResult> {
  const source = `import { guardProcessAgainstBundleFaults } from ${JSON.stringify(GUARD)};\nguardProcessAgainstBundleFaults();\n${body}\nsetTimeout(() => process.stdout.write('survived'), 200);`;
  return runToExit(['--import', 'tsx', '--input-type=module', '-e', source]);
}

describe('failures that are not the bundle\'s', () => {
  it.each([
    ['an exception thrown outside bundle code', "setTimeout(() => { throw new Error('a bug of the host'); }, 0);", 'uncaught-exception', 'a bug of the host'],
    ['a rejection outside bundle code', "Promise.reject(new Error('a rejection of the host'));", 'unhandled-rejection', 'a rejection of the host'],
  ])('%s still ends the process, loudly', async (_name, body, kind, message) => {
    const result = await runGuarded(body);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error ${kind} outside bundle code, so a bug of the hub or its host; exiting`);
    expect(result.stderr).toContain(message);
  }, 30_000);
});

describe('guardProcessAgainstBundleFaults', () => {
  it('routes a failure raised inside an extension scope to that scope, and any other to onForeignFault', () => {
    const foreign: Array<[BundleFaultKind, unknown]> = [];
    const reported: BundleFault[] = [];
    const guard = guardProcessAgainstBundleFaults({ onForeignFault: (kind, error) => foreign.push([kind, error]) });
    try {
      const scope = { what: 'action cart/addToCart', requestId: 'req-1', reportFault: (fault: BundleFault) => reported.push(fault) };
      const inside = new Error('inside');
      expect(runInExtensionScope(scope, () => guard.handle('unhandled-rejection', inside))).toBe('bundle');
      expect(reported).toEqual([{ kind: 'unhandled-rejection', error: inside, scope }]);
      const outside = new Error('outside');
      expect(guard.handle('uncaught-exception', outside)).toBe('foreign');
      expect(foreign).toEqual([['uncaught-exception', outside]]);
      expect(reported).toHaveLength(1);
    } finally {
      guard.close();
    }
  });

  it('removes its process listeners on close', () => {
    const before = [process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException')];
    const guard = guardProcessAgainstBundleFaults({ onForeignFault: () => undefined });
    expect([process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException')]).toEqual([before[0]! + 1, before[1]! + 1]);
    guard.close();
    expect([process.listenerCount('unhandledRejection'), process.listenerCount('uncaughtException')]).toEqual(before);
  });
});
