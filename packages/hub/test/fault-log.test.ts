import { describe, expect, it } from '@jest/globals';
import { promisify } from 'node:util';
import { BundleTimers, type TimerLeak } from '../src/run/bundle-timers.js';
import { runInExtensionScope, type BundleFault } from '../src/run/extension-scope.js';
import { FaultLog } from '../src/run/fault-log.js';
import { startHubProcess } from './support/hub-process.js';
import { rawCall } from './support/raw-call.js';
import { captureLogger, FIXTURES, type LogLine } from './support/start-test-hub.js';

const scope = (what: string) => ({ what, requestId: `req-${what}`, reportFault: () => undefined });
const fault = (what: string, message: string): BundleFault => ({ kind: 'unhandled-rejection', error: new Error(message), scope: scope(what) });

function faultLog(limits = { windowMs: 60_000, maxLinesPerWindow: 20 }) {
  const lines: LogLine[] = [];
  const clock = { now: 0 };
  const log = new FaultLog(captureLogger(lines), limits, () => clock.now);
  return { lines, clock, log };
}

describe('bundle faults are deduplicated and rate-limited', () => {
  it('20,000 identical faults: one line with the first request id, then one line with the count', () => {
    const { lines, clock, log } = faultLog();
    for (let i = 0; i < 20_000; i += 1) log.report(fault('action account/register', 'connect ECONNREFUSED 127.0.0.1:1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ kind: 'unhandled-rejection', what: 'action account/register', requestId: 'req-action account/register', reason: 'Error: connect ECONNREFUSED 127.0.0.1:1' });
    clock.now = 60_000;
    log.flush();
    expect(lines).toHaveLength(2);
    expect(lines[1]?.message).toMatch(/again \(counted, not logged each time\)/);
    expect(lines[1]?.fields).toMatchObject({ what: 'action account/register', times: 19_999, windowSeconds: 60 });
    log.close();
  });

  it('faults that all differ: at most the line limit per window, and every one counted', () => {
    const { lines, clock, log } = faultLog({ windowMs: 60_000, maxLinesPerWindow: 5 });
    for (let i = 0; i < 3_000; i += 1) log.report(fault('action cart/checkout', `order ${i} failed`));
    expect(lines).toHaveLength(5);
    clock.now = 30_000;
    log.flush();
    // 5 first lines, then 5 counts of the most repeated and one line summing up the rest, remembered or not.
    expect(lines).toHaveLength(11);
    expect(lines[10]?.message).toMatch(/^more bundle faults in this window/);
    const counted = lines.slice(5).reduce((sum, line) => sum + Number(line.fields['times']), 0);
    expect(counted + 5).toBe(3_000);
    log.close();
  });

  it('a new window logs a fault again, and close() logs what is still counted', () => {
    const { lines, clock, log } = faultLog();
    log.report(fault('action a/b', 'x'));
    log.report(fault('action a/b', 'x'));
    clock.now = 61_000;
    log.report(fault('action a/b', 'x'));
    // The window ended with the third report: its repeat was summed up, and the third is a first again.
    expect(lines.map((line) => line.fields['times'] ?? 'first')).toEqual(['first', 1, 'first']);
    log.report(fault('action a/b', 'x'));
    log.close();
    expect(lines.map((line) => line.fields['times'] ?? 'first')).toEqual(['first', 1, 'first', 1]);
  });

  it('cuts a long reason', () => {
    const { lines, log } = faultLog();
    log.report(fault('action a/b', 'y'.repeat(100_000)));
    expect(String(lines[0]?.fields['reason']).length).toBeLessThanOrEqual(500);
    log.close();
  });
});

describe('timers a bundle keeps alive', () => {
  it('are counted per caller and reported once past the threshold', () => {
    const leaks: TimerLeak[] = [];
    const timers = new BundleTimers(3, (leak) => leaks.push(leak));
    const started = runInExtensionScope(scope('action poll/start'), () => [1, 2, 3, 4].map(() => timers.globals.setInterval(() => undefined, 60_000)));
    try {
      expect(leaks).toEqual([{ live: 3, threshold: 3, busiest: 'action poll/start', busiestCount: 3 }]);
      expect(timers.live).toBe(4);
      for (const timer of started) timers.globals.clearInterval(timer);
      expect(timers.live).toBe(0);
      runInExtensionScope(scope('action poll/start'), () => [1, 2, 3].map(() => timers.globals.setInterval(() => undefined, 60_000))).forEach((timer) => clearInterval(timer));
      expect(leaks).toHaveLength(1);
    } finally {
      for (const timer of started) clearInterval(timer);
    }
  });

  it('behave as Node\'s own: this, arguments, Timeout objects, clearing by number, util.promisify', async () => {
    const timers = new BundleTimers(1_000, () => undefined);
    const { setTimeout: bundleSetTimeout, clearTimeout: bundleClearTimeout } = timers.globals;
    const fired = await new Promise<{ self: unknown; args: unknown[] }>((resolve) => {
      const timer = bundleSetTimeout(function (this: unknown, ...args: unknown[]) {
        resolve({ self: this, args });
      }, 1, 'a', 2);
      expect(typeof timer.unref).toBe('function');
      expect(timers.live).toBe(1);
    });
    expect(fired.args).toEqual(['a', 2]);
    expect(typeof (fired.self as { refresh?: unknown }).refresh).toBe('function');
    expect(timers.live).toBe(0);
    const byNumber = bundleSetTimeout(() => undefined, 60_000);
    bundleClearTimeout(Number(byNumber));
    expect(timers.live).toBe(0);
    expect(await promisify(bundleSetTimeout)(1, 'value')).toBe('value');
    expect(() => bundleSetTimeout('not a function' as never, 1)).toThrow(/"callback" argument must be of type function/);
  });
});

describe('a flooding bundle under yarn start:hub', () => {
  it('2,000 alike and 300 different unhandled rejections, 1,200 leaked intervals: a few log lines, the counts, one leak warning', async () => {
    const hub = await startHubProcess({ HUB_BUNDLE: `${FIXTURES}flood-bundle.cjs` });
    try {
      expect((await rawCall(`${hub.url}/frontastic/action/flood/rejections`, { body: '{"count":2000}' })).status).toBe(200);
      expect((await rawCall(`${hub.url}/frontastic/action/flood/distinct`, { body: '{"count":300}' })).status).toBe(200);
      expect((await rawCall(`${hub.url}/frontastic/action/timers/tidy`, { body: '{}' })).json()).toEqual({ value: 42 });
      for (let i = 0; i < 3; i += 1) expect((await rawCall(`${hub.url}/frontastic/action/timers/leak`, { body: '{"count":400}' })).status).toBe(200);
      await hub.waitForLog(/keeps timers alive/);
      await hub.waitForLog(/order 0 failed/);
    } finally {
      expect(await hub.stop()).toBe(0);
    }
    const lines = hub.stderr().split('\n');
    const faultLines = lines.filter((line) => line.includes('bundle code failed after its answer') || line.includes('more bundle faults'));
    // First lines (at most 20 in the window) and, at close, the counts: never one line per fault.
    expect(faultLines.length).toBeLessThanOrEqual(42);
    const times = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).map((line) => Number(/times=(\d+)/.exec(line)?.[1] ?? 0));
    expect(times(/ECONNREFUSED.*times=/)).toEqual([1999]);
    const leak = lines.filter((line) => line.includes('keeps timers alive'));
    expect(leak).toHaveLength(1);
    expect(leak[0]).toMatch(/live=1000 threshold=1000 busiest="action timers\/leak" busiestCount=1000/);
  }, 60_000);
});
