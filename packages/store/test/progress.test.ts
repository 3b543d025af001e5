import { describe, expect, it } from '@jest/globals';
import { formatMs, Progress } from '../src/progress.js';
import { StoreStopRequestedError } from '../src/stopRequested.js';

describe('start-up progress', () => {
  it('says when each step starts, passes its own lines on, and says its outcome and time', async () => {
    const lines: string[] = [];
    const progress = new Progress((line) => lines.push(line));
    await progress.step('frontend build (next build)', async (say) => {
      expect(progress.now()?.step).toBe('frontend build (next build)');
      say('next build │ Compiled');
      return 'built';
    });
    expect(progress.now()).toBeUndefined();
    expect(lines[0]).toBe('▸ frontend build (next build)…');
    expect(lines[1]).toBe('  next build │ Compiled');
    expect(lines[2]).toMatch(/^✓ frontend build \(next build\): built in \d+ ms$/);
    expect(progress.timings).toEqual([{ step: 'frontend build (next build)', ms: expect.any(Number), outcome: 'built' }]);
    expect(progress.summary()).toMatch(/^Start-up took \d+ ms:\n  frontend build \(next build\) +\d+ ms  built$/);
  });

  it('tells a failed step from a stopped one, and keeps no timing for either', async () => {
    const lines: string[] = [];
    const progress = new Progress((line) => lines.push(line));
    await expect(progress.step('API hub', async () => Promise.reject(new Error('bundle throws')))).rejects.toThrow('bundle throws');
    await expect(progress.step('frontend build (next build)', async () => Promise.reject(new StoreStopRequestedError()))).rejects.toBeInstanceOf(StoreStopRequestedError);
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([expect.stringMatching(/^✗ API hub failed after \d+ ms$/), expect.stringMatching(/^✗ frontend build \(next build\) stopped after \d+ ms$/)]);
    expect(progress.timings).toEqual([]);
  });

  it('counts steps taken before it in the summary and the total', async () => {
    const progress = new Progress(() => undefined, [{ step: "loading the store's code", ms: 2_500, outcome: 'node and tsx' }]);
    await progress.step('API hub', async () => 'at http://127.0.0.1:8080');
    expect(progress.timings.map((timing) => timing.step)).toEqual(["loading the store's code", 'API hub']);
    expect(progress.elapsedMs()).toBeGreaterThanOrEqual(2_500);
    expect(progress.summary()).toMatch(/^Start-up took 2\.\d s:\n  loading the store's code +2\.5 s  node and tsx\n  API hub +\d+ ms  at http/);
  });

  it('formats times as people read them', () => {
    expect(formatMs(42.4)).toBe('42 ms');
    expect(formatMs(74_250)).toBe('74.3 s');
  });
});
