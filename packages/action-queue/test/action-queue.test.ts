import { describe, expect, it } from '@jest/globals';
import {
  ActionQueue,
  QueueAbortedError,
  QueueClearedError,
  QueueError,
  QueueTimeoutError,
  createBrowserQueue,
} from '../src/index.js';
import { deferred, tick, untilAborted } from './support/deferred.js';

describe('ActionQueue: order and results', () => {
  it('runs items first in, first out, exactly one at a time', async () => {
    const queue = new ActionQueue();
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        queue.add(async () => {
          started.push(i);
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((resolve) => setTimeout(resolve, (5 - i) * 2));
          running -= 1;
          return i * 10;
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(maxRunning).toBe(1);
    expect(results).toEqual([0, 10, 20, 30, 40]);
  });

  it('accepts a plain value, a promise or a thenable from the task', async () => {
    const queue = new ActionQueue();
    // A minimal thenable, as some HTTP clients return: only `then`, no catch/finally.
    const thenable = { then: (onFulfilled: (value: string) => void) => onFulfilled('thenable') } as unknown as PromiseLike<string>;
    await expect(queue.add(() => 'plain')).resolves.toBe('plain');
    await expect(queue.add(async () => 'promise')).resolves.toBe('promise');
    await expect(queue.add(() => thenable)).resolves.toBe('thenable');
  });

  it('rejects only the failing item, thrown synchronously or rejected, and runs the next', async () => {
    const queue = new ActionQueue();
    const boom = new Error('sync boom');
    const sync = queue.add(() => {
      throw boom;
    });
    const rejected = queue.add(() => Promise.reject(new Error('async boom')));
    const after = queue.add(() => 'still runs');
    await expect(sync).rejects.toBe(boom);
    await expect(rejected).rejects.toThrow('async boom');
    await expect(after).resolves.toBe('still runs');
  });

  it('keeps read-modify-write updates correct where concurrent calls lose some', async () => {
    // A stand-in for the hub: each call reads the session, waits, then writes the whole session back.
    let points = 100;
    const update = async (delta: number, delayMs: number): Promise<number> => {
      const read = points;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      points = read + delta;
      return points;
    };
    const deltas: Array<[number, number]> = [[50, 8], [20, 2], [-20, 6], [-50, 1]];

    await Promise.all(deltas.map(([delta, delay]) => update(delta, delay)));
    expect(points).not.toBe(100); // the race: last writer wins

    points = 100;
    const queue = new ActionQueue();
    await Promise.all(deltas.map(([delta, delay]) => queue.add(() => update(delta, delay))));
    expect(points).toBe(100);
  });
});

describe('ActionQueue: stop, restart, clear', () => {
  it('stop() lets the running item finish and holds the rest until restart()', async () => {
    const queue = new ActionQueue();
    const first = deferred<string>();
    const order: string[] = [];
    const a = queue.add(async () => {
      order.push('a');
      return first.promise;
    });
    const b = queue.add(() => {
      order.push('b');
      return 'b';
    });
    queue.stop();
    expect(queue.isStopped).toBe(true);
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    await tick();
    expect(order).toEqual(['a']);
    expect(queue.size).toBe(1);
    expect(queue.pending).toBe(0);
    queue.restart();
    await expect(b).resolves.toBe('b');
    expect(order).toEqual(['a', 'b']);
  });

  it('clear() rejects every waiting item with QueueClearedError and leaves the running one alone', async () => {
    const queue = new ActionQueue();
    const gate = deferred<string>();
    const running = queue.add(() => gate.promise);
    const ran: string[] = [];
    const waiting = [1, 2, 3].map((i) => queue.add(() => ran.push(`w${i}`)));
    expect(queue.size).toBe(3);
    queue.clear();
    expect(queue.size).toBe(0);
    for (const item of waiting) {
      const error = await item.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueueClearedError);
      expect(error).toBeInstanceOf(QueueError);
      expect((error as QueueClearedError).code).toBe('QUEUE_CLEARED');
    }
    gate.resolve('done');
    await expect(running).resolves.toBe('done');
    await queue.onIdle();
    expect(ran).toEqual([]);
  });

  it('clear(error) rejects the waiting items with the error it is given', async () => {
    const queue = new ActionQueue();
    const gate = deferred();
    const running = queue.add(() => gate.promise);
    const waiting = queue.add(() => 'never');
    const ended = new Error('the session ended');
    queue.clear(ended);
    await expect(waiting).rejects.toBe(ended);
    gate.resolve();
    await expect(running).resolves.toBeUndefined();
  });

  it('clear() on a stopped queue settles every promise, so onIdle() resolves', async () => {
    const queue = new ActionQueue();
    queue.stop();
    const item = queue.add(() => 1);
    const idle = queue.onIdle();
    queue.clear();
    await expect(item).rejects.toBeInstanceOf(QueueClearedError);
    await expect(idle).resolves.toBeUndefined();
  });
});

describe('ActionQueue: abort signals and timeouts', () => {
  it('an already aborted signal rejects at once and the task never runs', async () => {
    const queue = new ActionQueue();
    let ran = false;
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const error = await queue.add(() => (ran = true), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueAbortedError);
    expect((error as QueueAbortedError).started).toBe(false);
    expect(ran).toBe(false);
  });

  it('aborting a waiting item removes it from the queue and rejects it without running it', async () => {
    const queue = new ActionQueue();
    const gate = deferred();
    const running = queue.add(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = queue.add(() => (ran = true), { signal: controller.signal });
    const last = queue.add(() => 'last');
    expect(queue.size).toBe(2);
    controller.abort();
    expect(queue.size).toBe(1);
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueAbortedError);
    expect((error as QueueAbortedError).code).toBe('QUEUE_ITEM_ABORTED');
    gate.resolve();
    await running;
    await expect(last).resolves.toBe('last');
    expect(ran).toBe(false);
  });

  it('aborting a running item aborts the signal the task got, rejects it, and only then starts the next', async () => {
    const queue = new ActionQueue();
    const controller = new AbortController();
    let taskSignal: AbortSignal | undefined;
    const running = queue.add(untilAborted((signal) => (taskSignal = signal)), { signal: controller.signal });
    let firstSignalAbortedWhenNextStarted: boolean | undefined;
    const next = queue.add(() => {
      firstSignalAbortedWhenNextStarted = taskSignal?.aborted;
      return 'next';
    });
    await tick();
    expect(taskSignal?.aborted).toBe(false);
    controller.abort(new Error('user navigated away'));
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueAbortedError);
    expect((error as QueueAbortedError).started).toBe(true);
    expect(((error as Error).cause as Error).message).toBe('user navigated away');
    await expect(next).resolves.toBe('next');
    expect(firstSignalAbortedWhenNextStarted).toBe(true);
  });

  it('a timeout aborts the running call before the next item starts', async () => {
    const queue = new ActionQueue({ timeoutMs: 10 });
    let slowSignal: AbortSignal | undefined;
    const slow = queue.add(untilAborted((signal) => (slowSignal = signal)));
    let abortedBeforeNext: boolean | undefined;
    const next = queue.add(() => {
      abortedBeforeNext = slowSignal?.aborted;
      return 'next';
    });
    const error = await slow.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect((error as QueueTimeoutError).code).toBe('QUEUE_ITEM_TIMEOUT');
    expect((error as QueueTimeoutError).timeoutMs).toBe(10);
    expect(slowSignal?.reason).toBe(error);
    await expect(next).resolves.toBe('next');
    expect(abortedBeforeNext).toBe(true);
  });

  it('a per-item timeout overrides the default, and an item that ignores its signal still frees the queue', async () => {
    const queue = new ActionQueue({ timeoutMs: 60_000 });
    const never = new Promise<never>(() => undefined);
    const stuck = queue.add(() => never, { timeoutMs: 5 });
    const next = queue.add(() => 'next');
    await expect(stuck).rejects.toBeInstanceOf(QueueTimeoutError);
    await expect(next).resolves.toBe('next');
  });

  it('an item that finishes in time is not affected by its timeout', async () => {
    const queue = new ActionQueue({ timeoutMs: 1_000 });
    await expect(queue.add(async () => 'quick')).resolves.toBe('quick');
    expect(queue.pending).toBe(0);
  });
});

describe('ActionQueue: size, pending, onIdle, re-entrancy, subscribe', () => {
  it('reports waiting and running items', async () => {
    const queue = new ActionQueue();
    expect([queue.size, queue.pending]).toEqual([0, 0]);
    const gate = deferred();
    const a = queue.add(() => gate.promise);
    const b = queue.add(() => undefined);
    expect([queue.size, queue.pending]).toEqual([1, 1]);
    gate.resolve();
    await Promise.all([a, b]);
    expect([queue.size, queue.pending]).toEqual([0, 0]);
  });

  it('onIdle() resolves at once when idle, and after the last item otherwise', async () => {
    const queue = new ActionQueue();
    await expect(queue.onIdle()).resolves.toBeUndefined();
    const done: number[] = [];
    void queue.add(async () => {
      await tick();
      done.push(1);
    });
    void queue.add(() => {
      done.push(2);
    });
    await queue.onIdle();
    expect(done).toEqual([1, 2]);
  });

  it('a stopped queue with waiting items is not idle until it is restarted', async () => {
    const queue = new ActionQueue();
    queue.stop();
    let ran = false;
    void queue.add(() => (ran = true));
    let idle = false;
    void queue.onIdle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    queue.restart();
    await queue.onIdle();
    expect(ran).toBe(true);
  });

  it('subscribe() notifies on changes until unsubscribed', async () => {
    const queue = new ActionQueue();
    const seen: Array<[number, number]> = [];
    const unsubscribe = queue.subscribe(() => seen.push([queue.size, queue.pending]));
    await queue.add(() => undefined);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual([0, 0]);
    expect(seen.some(([, pending]) => pending === 1)).toBe(true);
    const count = seen.length;
    unsubscribe();
    await queue.add(() => undefined);
    expect(seen.length).toBe(count);
  });

  it('createBrowserQueue() without Web Locks (Node, server rendering) orders this process only', () => {
    const browserQueue = createBrowserQueue();
    expect(browserQueue).toBeInstanceOf(ActionQueue);
    expect(browserQueue.scope).toBe('tab');
    expect(new ActionQueue({ lockName: 'any' }).scope).toBe('tab');
    expect(new ActionQueue().scope).toBe('tab');
  });
});
