import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, processStartOf, readOwner, withLock } from '../src/ownedLock.js';
import { StoreStopRequestedError } from '../src/stopRequested.js';

let dir: string;
let lockDir: string;
let lines: string[];
const log = (line: string): void => void lines.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-lock-'));
  lockDir = join(dir, '.build-lock');
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The PID of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(owner: Record<string, unknown>): void {
  mkdirSync(lockDir);
  writeFileSync(join(lockDir, 'owner.json'), JSON.stringify(owner));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('build locks', () => {
  it('names its owner while the work runs, and is gone afterwards', async () => {
    const seen = await withLock(lockDir, 'test build', async () => readOwner(lockDir), { log });
    expect(seen).toMatchObject({ pid: process.pid, command: expect.stringContaining('node'), started: processStartOf(process.pid) });
    expect(Date.parse(seen?.since ?? '')).not.toBeNaN();
    expect(existsSync(lockDir)).toBe(false);
  });

  it('is removed when the work throws', async () => {
    await expect(withLock(lockDir, 'test build', async () => Promise.reject(new Error('build broke')), { log })).rejects.toThrow('build broke');
    expect(existsSync(lockDir)).toBe(false);
  });

  it('takes over at once a lock whose owner is gone, saying whose it was', async () => {
    const pid = deadPid();
    writeLock({ pid, since: '2026-12-01T10:00:00.000Z', command: 'node yarn start', token: 'old' });
    const ran = await withLock(lockDir, 'frontend build', async () => 'ran', { log });
    expect(ran).toBe('ran');
    expect(lines).toEqual([`taking over the frontend build lock left by PID ${pid} (since 2026-12-01T10:00:00.000Z), which is no longer running`]);
  });

  it('stops the build a dead owner left running', async () => {
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
    const pid = orphan.pid ?? 0;
    const command = `${process.execPath} -e setInterval(() => {}, 1000)`;
    const started = processStartOf(pid);
    expect(started).toMatch(/^\d+$/);
    expect(isRunning({ pid, ...(started === undefined ? {} : { started }) })).toBe(true);
    const exited = new Promise((resolve) => orphan.once('exit', resolve));
    writeLock({ pid: deadPid(), since: new Date().toISOString(), command: 'node yarn start', token: 'old', child: { pid, command, started } });
    await withLock(lockDir, 'frontend build', async () => undefined, { log });
    await exited;
    expect(isRunning({ pid })).toBe(false);
    expect(lines[1]).toContain(`(PID ${pid})`);
  });

  it('waits for a live owner, saying once who it is, and goes on when it is done', async () => {
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = withLock(lockDir, 'frontend build', () => new Promise<void>((resolve) => (finishFirst = () => (order.push('first done'), resolve()))), { log });
    await nextTurn();
    const second = withLock(lockDir, 'frontend build', async () => void order.push('second ran'), { log });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(order).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^waiting for the frontend build that PID ${process.pid} has been running since \\S+ \\(.*node.*\\)$`));
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first done', 'second ran']);
  });

  it('counts a PID that a later process got as gone', async () => {
    writeLock({ pid: process.pid, since: new Date().toISOString(), command: 'node yarn start', started: '1', token: 'old' });
    await withLock(lockDir, 'frontend build', async () => undefined, { log });
    expect(lines[0]).toContain('which is no longer running');
  });

  it('waits for a lock that names no owner yet, and takes it over once it is old', async () => {
    mkdirSync(lockDir);
    let ran = false;
    const waiting = withLock(lockDir, 'frontend build', async () => void (ran = true), { log });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ran).toBe(false);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lockDir, old, old);
    await waiting;
    expect(ran).toBe(true);
    expect(lines).toEqual(['taking over the frontend build lock: it names no owner (left by an older version or a crash)']);
  });

  it.each([
    ['not JSON', '{"pid": 12'],
    ['wrong types', JSON.stringify({ pid: 'one', since: 3, command: [], token: null })],
    ['missing fields', JSON.stringify({ pid: 1 })],
  ])('reads an owner file that is %s as no owner', (_kind, text) => {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, 'owner.json'), text);
    expect(readOwner(lockDir)).toBeUndefined();
  });

  it('stops waiting when the start is stopped, and leaves the other owner its lock', async () => {
    let finishFirst!: () => void;
    const first = withLock(lockDir, 'frontend build', () => new Promise<void>((resolve) => (finishFirst = resolve)), { log });
    await nextTurn();
    const stop = new AbortController();
    const second = withLock(lockDir, 'frontend build', async () => 'ran', { log, signal: stop.signal });
    await nextTurn();
    stop.abort();
    await expect(second).rejects.toBeInstanceOf(StoreStopRequestedError);
    expect(readOwner(lockDir)?.pid).toBe(process.pid);
    finishFirst();
    await first;
    expect(existsSync(lockDir)).toBe(false);
  });

  it('does not remove a lock that was taken over from it', async () => {
    await withLock(
      lockDir,
      'frontend build',
      async () => {
        rmSync(lockDir, { recursive: true });
        writeLock({ pid: process.pid, since: new Date().toISOString(), command: 'successor', token: 'successor' });
      },
      { log },
    );
    expect(readOwner(lockDir)?.token).toBe('successor');
  });
});
