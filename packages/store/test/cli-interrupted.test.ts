// `yarn start` killed during the frontend build, then started again, then stopped with Ctrl-C during its
// own build. The build goes to a folder of its own (STORE_NEXT_DIST_DIR), so the other test files keep
// their `.next`.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, readOwner } from '../src/ownedLock.js';
import { FRONTEND_ROOT } from '../src/paths.js';
import { isPortFree } from '../src/ports.js';
import { freePorts, startCli, stopCli, type RunningCli } from './support/cli.js';

const DIST_DIR = `.next-store-test-${process.pid}`;
const LOCK_DIR = join(FRONTEND_ROOT, `${DIST_DIR}.build-lock`);
const STEP_TIMEOUT_MS = 120_000;

const started: RunningCli[] = [];
afterAll(async () => {
  for (const cli of started) await stopCli(cli);
  rmSync(join(FRONTEND_ROOT, DIST_DIR), { recursive: true, force: true });
  rmSync(LOCK_DIR, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("yarn start's arguments", () => {
  it('--help prints the usage with the data folder and --fresh, and exits 0 without starting anything', async () => {
    const cli = startCli(await freePorts(), ['--help']);
    started.push(cli);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain('Usage: yarn start [--fresh]');
    expect(cli.output()).toContain('STORE_DATA_DIR');
    expect(cli.output()).not.toContain('loading the store');
  });

  it('an unknown argument is refused with its name and the usage (exit 2)', async () => {
    const cli = startCli(await freePorts(), ['--fersh']);
    started.push(cli);
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.output()).toContain("yarn start: unknown argument '--fersh'.");
    expect(cli.output()).toContain('Usage: yarn start [--fresh]');
  });
});

describe('yarn start stopped while it loads', () => {
  it.each([
    ['SIGINT', 'Ctrl-C', 130],
    ['SIGTERM', 'SIGTERM', 143],
  ] as const)('%s in the first moment is answered: it prints "%s: stopping the store…" and exits with %s', async (signal, said, code) => {
    const cli = startCli(await freePorts());
    started.push(cli);
    await cli.waitFor(/▸ loading the store's code…/, STEP_TIMEOUT_MS);
    cli.child.kill(signal);
    expect(await cli.exited).toEqual({ code, signal: null });
    expect(cli.output()).toContain(`${said}: stopping the store…`);
    expect(cli.output()).toMatch(/Stopped (before anything had started|everything the store had started)\./);
  });
});

describe('yarn start interrupted during the frontend build', () => {
  it(
    'a start killed during next build does not hold up the next one, and Ctrl-C during a build stops everything and leaves no lock',
    async () => {
      const ports = await freePorts();
      // One data folder for both starts: the killed one leaves its lock behind too.
      const env = { ...ports, STORE_NEXT_DIST_DIR: DIST_DIR, STORE_DATA_DIR: mkdtempSync(join(tmpdir(), 'store-cli-data-')) };

      const first = startCli(env);
      started.push(first);
      await first.waitFor(/next build │/, STEP_TIMEOUT_MS);
      const owner = readOwner(LOCK_DIR);
      expect(owner?.pid).toBe(first.pid);
      const orphan = owner?.child;
      expect(orphan?.command).toContain('next build');
      // A killed terminal: no handler runs, the lock and the build stay behind.
      first.child.kill('SIGKILL');
      await first.exited;
      expect(readOwner(LOCK_DIR)?.pid).toBe(first.pid);
      expect(orphan !== undefined && isRunning(orphan)).toBe(true);

      const second = startCli(env);
      started.push(second);
      await second.waitFor(new RegExp(`taking over the data folder lock left by PID ${first.pid} \\(since .+\\), which is no longer running`), STEP_TIMEOUT_MS);
      await second.waitFor(new RegExp(`taking over the frontend build lock left by PID ${first.pid} \\(since .+\\), which is no longer running`), STEP_TIMEOUT_MS);
      await second.waitFor(/next build │/, STEP_TIMEOUT_MS);
      expect(second.output()).not.toContain('waiting for the frontend build');
      // The orphaned build either died of its closed output pipe, or the second start stopped it
      // ("stopping the next build that PID … left running"): it does not build into the same folder.
      expect(orphan !== undefined && isRunning(orphan)).toBe(false);
      const ownBuild = readOwner(LOCK_DIR);
      expect(ownBuild?.pid).toBe(second.pid);
      const ownChild = ownBuild?.child;
      expect(ownChild).toBeDefined();

      // Ctrl-C in the middle of its own build.
      second.child.kill('SIGINT');
      expect(await second.exited).toEqual({ code: 130, signal: null });
      const output = second.output();
      expect(output).toContain('Ctrl-C: stopping the store…');
      expect(output).toMatch(new RegExp(`stopping next build \\(PID ${ownChild?.pid}\\)`));
      expect(output).toContain('removed the frontend build lock');
      expect(output).toContain('stopped the hold on port');
      expect(output).toContain('Stopped everything the store had started.');
      expect(existsSync(LOCK_DIR)).toBe(false);
      expect(output).toContain(`released the data folder ${env.STORE_DATA_DIR}`);
      expect(existsSync(join(env.STORE_DATA_DIR, 'store.lock'))).toBe(false);
      rmSync(env.STORE_DATA_DIR, { recursive: true, force: true });
      await until(() => ownChild === undefined || !isRunning(ownChild), 'the stopped build ending');
      for (const port of Object.values(ports)) expect(await isPortFree(Number(port))).toBe(true);
    },
    3 * STEP_TIMEOUT_MS,
  );
});
