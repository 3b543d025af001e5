import { describe, expect, it } from '@jest/globals';
import { LongItemWatch, longItemMessage } from '../src/long-item-report.js';
import { ActionQueue, QueueAbortedError, QueueTimeoutError, QueueTurnEndedError, type RunInTurn } from '../src/index.js';
import { deferred, tick, untilAborted } from './support/deferred.js';

describe('ActionQueue: an add made inside a running item runs inside its turn', () => {
  it('an add made synchronously in the task runs at once, inside the turn, and awaiting it does not deadlock', async () => {
    const queue = new ActionQueue();
    const order: string[] = [];
    const outer = queue.add(() => {
      order.push('outer start');
      const inner = queue.add(() => {
        order.push('inner');
        return 'inner result';
      });
      order.push('outer end');
      return inner.then((value) => `${value}, then outer`);
    });
    await expect(outer).resolves.toBe('inner result, then outer');
    expect(order).toEqual(['outer start', 'inner', 'outer end']);
  });

  it('after an await, the run helper the task receives runs inside the turn, ahead of items waiting outside it', async () => {
    const queue = new ActionQueue();
    const order: string[] = [];
    const outer = queue.add(async (_signal, run) => {
      order.push('outer');
      await tick();
      const value = await run(async () => {
        order.push('inner');
        return 2;
      });
      order.push('outer done');
      return value * 10;
    });
    const outside = queue.add(() => order.push('outside'));
    await expect(outer).resolves.toBe(20);
    await outside;
    expect(order).toEqual(['outer', 'inner', 'outer done', 'outside']);
  });

  it('nested items run first in, first out, one at a time, and nest further without deadlock', async () => {
    const queue = new ActionQueue();
    const order: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const step = (name: string, ms: number) => async (_signal: AbortSignal, run: RunInTurn) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (name === 'b') order.push(await run(async () => 'b.1 (nested in b)'));
      order.push(`${name} end`);
      running -= 1;
      return name;
    };
    const results = await queue.add(async (_signal, run) => {
      await tick();
      return Promise.all([run(step('a', 6)), run(step('b', 3)), run(step('c', 1))]);
    });
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b.1 (nested in b)', 'b end', 'c start', 'c end']);
    expect(mostAtOnce).toBe(1);
  });

  it('the turn lasts until the nested items settle, even those the task did not await', async () => {
    const queue = new ActionQueue();
    const slow = deferred<string>();
    let nested: Promise<string> | undefined;
    const outer = queue.add((_signal, run) => {
      nested = run(() => slow.promise);
      return 'outer';
    });
    let outsideRan = false;
    const outside = queue.add(() => {
      outsideRan = true;
    });
    await expect(outer).resolves.toBe('outer');
    await tick();
    expect([queue.pending, queue.size, outsideRan]).toEqual([1, 1, false]);
    slow.resolve('nested');
    await expect(nested).resolves.toBe('nested');
    await outside;
    expect(outsideRan).toBe(true);
  });

  it('the run helper called after the turn has ended rejects with QueueTurnEndedError and runs nothing', async () => {
    const queue = new ActionQueue();
    let kept: RunInTurn | undefined;
    await queue.add((_signal, run) => {
      kept = run;
    });
    let ran = false;
    const late = kept?.(() => {
      ran = true;
    });
    await expect(late).rejects.toBeInstanceOf(QueueTurnEndedError);
    await expect(late).rejects.toMatchObject({ code: 'QUEUE_TURN_ENDED' });
    expect(ran).toBe(false);
  });

  it('when the item times out, its nested items are aborted and rejected with the same error, and the next item starts', async () => {
    const queue = new ActionQueue();
    let nestedSignal: AbortSignal | undefined;
    const nestedPromises: Array<Promise<unknown>> = [];
    const outer = queue.add(
      async (_signal, run) => {
        nestedPromises.push(run(untilAborted((signal) => (nestedSignal = signal))));
        nestedPromises.push(run(() => 'never runs'));
        return new Promise(() => undefined);
      },
      { timeoutMs: 30 },
    );
    const next = queue.add(() => 'next');
    const error = await outer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueTimeoutError);
    await expect(nestedPromises[0]).rejects.toBe(error);
    await expect(nestedPromises[1]).rejects.toBe(error);
    expect(nestedSignal?.aborted).toBe(true);
    await expect(next).resolves.toBe('next');
  });

  it('a nested item keeps its own timeout and abort signal; the item it is nested in goes on', async () => {
    const queue = new ActionQueue();
    const controller = new AbortController();
    const outcome = await queue.add(async (_signal, run) => {
      const timedOut = await run(untilAborted(), { timeoutMs: 20 }).catch((caught: unknown) => caught);
      const blocker = deferred();
      const first = run(() => blocker.promise);
      const dropped = run(() => 'never runs', { signal: controller.signal });
      controller.abort();
      const abortedWhileWaiting = await dropped.catch((caught: unknown) => caught);
      blocker.resolve();
      await first;
      return { timedOut, abortedWhileWaiting };
    });
    expect(outcome.timedOut).toBeInstanceOf(QueueTimeoutError);
    expect(outcome.abortedWhileWaiting).toBeInstanceOf(QueueAbortedError);
    expect(outcome.abortedWhileWaiting).toMatchObject({ started: false });
  });

  it('clear() and stop() leave the running turn and its nested items alone', async () => {
    const queue = new ActionQueue();
    const gate = deferred();
    const order: string[] = [];
    const outer = queue.add(async (_signal, run) => {
      await gate.promise;
      order.push(await run(() => 'nested after clear and stop'));
    });
    const cleared = queue.add(() => order.push('cleared: never runs'));
    queue.clear();
    queue.stop();
    gate.resolve();
    await outer;
    await expect(cleared).rejects.toMatchObject({ code: 'QUEUE_CLEARED' });
    expect(order).toEqual(['nested after clear and stop']);
    queue.restart();
  });

  it('an add made after an await without the run helper queues behind the item (awaiting it would wait for the timeout)', async () => {
    const queue = new ActionQueue({ longItemReportMs: false });
    const order: string[] = [];
    let inner: Promise<unknown> | undefined;
    await queue.add(async () => {
      await tick();
      inner = queue.add(() => order.push('inner'));
      order.push('outer end');
    });
    await inner;
    expect(order).toEqual(['outer end', 'inner']);
  });
});

describe('ActionQueue: the long-item report (development)', () => {
  it('reports, once, an item that has run past the limit while an item waits, naming the likely cause', async () => {
    const reports: string[] = [];
    const queue = new ActionQueue({ longItemReportMs: 20, report: (message) => reports.push(message) });
    // The mistake the report is for: awaiting an add made after an await, which waits behind the item itself.
    const outer = queue.add(
      async () => {
        await tick();
        await queue.add(() => 'inner');
      },
      { timeoutMs: 120 },
    );
    await expect(outer).rejects.toBeInstanceOf(QueueTimeoutError);
    await queue.onIdle();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/1 in this tab/);
    expect(reports[0]).toMatch(/run helper/);
  });

  it('an item that runs long with nothing waiting is not reported, until something is added', async () => {
    const reports: string[] = [];
    const queue = new ActionQueue({ longItemReportMs: 10, report: (message) => reports.push(message) });
    const gate = deferred();
    const long = queue.add(() => gate.promise);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(reports).toEqual([]);
    const waiting = queue.add(() => undefined);
    expect(reports).toHaveLength(1);
    gate.resolve();
    await Promise.all([long, waiting]);
    expect(reports).toHaveLength(1);
  });

  it('is off with longItemReportMs: false, and in production builds (NODE_ENV=production) whatever the option', async () => {
    const holdLongItem = async (queue: ActionQueue): Promise<void> => {
      const gate = deferred();
      const long = queue.add(() => gate.promise);
      const waiting = queue.add(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 30));
      gate.resolve();
      await Promise.all([long, waiting]);
    };
    const reports: string[] = [];
    await holdLongItem(new ActionQueue({ longItemReportMs: false, report: (message) => reports.push(message) }));
    expect(reports).toEqual([]);

    // Next types NODE_ENV as read-only; it is an ordinary variable at run time.
    const env = process.env as Record<string, string | undefined>;
    const before = env['NODE_ENV'];
    try {
      env['NODE_ENV'] = 'production';
      await holdLongItem(new ActionQueue({ longItemReportMs: 10, report: (message) => reports.push(message) }));
      expect(reports).toEqual([]);
      env['NODE_ENV'] = 'development';
      await holdLongItem(new ActionQueue({ longItemReportMs: 10, report: (message) => reports.push(message) }));
      expect(reports).toHaveLength(1);
    } finally {
      env['NODE_ENV'] = before;
    }
  });

  it('asks the other tabs again while the item runs: an item another tab queues after the limit is reported', async () => {
    const reports: string[] = [];
    let elsewhere = 0;
    let asked = 0;
    const watch = new LongItemWatch(
      10,
      () => 0,
      async () => {
        asked++;
        return elsewhere;
      },
      (message) => reports.push(message),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(reports).toEqual([]);
    expect(asked).toBeGreaterThan(1);
    elsewhere = 2;
    await new Promise((resolve) => setTimeout(resolve, 40));
    watch.stop();
    expect(reports).toEqual([expect.stringMatching(/2 in other tabs/)]);
    const askedWhenStopped = asked;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(asked).toBe(askedWhenStopped);
  });

  it('says where the waiting items are', () => {
    expect(longItemMessage(5000, 0, 2)).toMatch(/held the queue for 5 s while others wait \(2 in other tabs\)/);
    expect(longItemMessage(5000, 1, 0)).toMatch(/\(1 in this tab\)/);
  });
});
