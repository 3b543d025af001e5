import { QueueAbortedError, QueueClearedError, QueueTimeoutError } from './QueueErrors';
import { WaitingLine } from './WaitingLine';

export { QueueAbortedError, QueueClearedError, QueueError, QueueTimeoutError } from './QueueErrors';

/**
 * Work to run in turn. It receives the item's AbortSignal: pass it to `fetch` so that an abort or a
 * timeout really cancels the request before the next item starts.
 */
export type QueueTask<T> = (signal: AbortSignal) => T | PromiseLike<T>;

export interface AddOptions {
  /** Aborting it removes a waiting item, or aborts a running one; either way the item's promise rejects. */
  signal?: AbortSignal;
  /** Overrides the queue's default timeout for this item, in milliseconds. */
  timeoutMs?: number;
}

export interface ActionQueueOptions {
  /** Default per-item timeout in milliseconds; none when omitted. */
  timeoutMs?: number;
}

interface Entry {
  start(): void;
  /** Rejects a waiting entry without running it. */
  drop(error: Error): void;
}

/**
 * Runs session-writing actions one at a time, first in, first out. Two actions in flight would each
 * return a session built from the same starting point, and the one that finishes last would silently
 * overwrite the other: running them in turn makes every action start from the session its predecessor
 * wrote.
 */
export class ActionQueue {
  readonly #defaultTimeoutMs: number | undefined;
  readonly #waiting = new WaitingLine<Entry>();
  #running: Entry | undefined;
  #stopped = false;
  #idleWaiters: Array<() => void> = [];
  readonly #listeners = new Set<() => void>();

  constructor(options: ActionQueueOptions = {}) {
    this.#defaultTimeoutMs = options.timeoutMs;
  }

  /** Items waiting to start. */
  get size(): number {
    return this.#waiting.size;
  }

  /** Items running now: 0 or 1. */
  get pending(): number {
    return this.#running === undefined ? 0 : 1;
  }

  get isStopped(): boolean {
    return this.#stopped;
  }

  /**
   * Queues `task` and resolves or rejects with its outcome. A failing item rejects only its own promise;
   * the next item starts all the same. Adding from inside a running item queues behind it (awaiting that
   * inner item from the outer one would wait for itself: call the inner function directly instead).
   */
  add<T>(task: QueueTask<T>, options: AddOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(new QueueAbortedError(false, signal.reason));
        return;
      }
      const timeoutMs = options.timeoutMs ?? this.#defaultTimeoutMs;
      const onWaitingAbort = (): void => {
        if (!this.#waiting.remove(entry)) return;
        entry.drop(new QueueAbortedError(false, signal?.reason));
        this.#changed();
        this.#settleIdle();
      };
      const entry: Entry = {
        start: () => {
          signal?.removeEventListener('abort', onWaitingAbort);
          this.#run(entry, task, timeoutMs, signal, resolve, reject);
        },
        drop: (error) => {
          signal?.removeEventListener('abort', onWaitingAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onWaitingAbort, { once: true });
      this.#waiting.push(entry);
      this.#changed();
      this.#next();
    });
  }

  /** Holds the queue: the running item finishes, nothing new starts until `restart()`. */
  stop(): void {
    this.#stopped = true;
    this.#changed();
  }

  /** Resumes a stopped queue. */
  restart(): void {
    this.#stopped = false;
    this.#changed();
    this.#next();
  }

  /** Rejects every waiting item with `QueueClearedError`; the running item is not affected. */
  clear(): void {
    const dropped = this.#waiting.drain();
    for (const entry of dropped) entry.drop(new QueueClearedError());
    this.#changed();
    this.#settleIdle();
  }

  /** Resolves once nothing runs and nothing waits (a stopped queue with waiting items is not idle). */
  onIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Calls `listener` whenever size, pending or the stopped state may have changed (for busy indicators). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #run<T>(
    entry: Entry,
    task: QueueTask<T>,
    timeoutMs: number | undefined,
    signal: AbortSignal | undefined,
    resolve: (value: T) => void,
    reject: (error: unknown) => void,
  ): void {
    const controller = new AbortController();
    let finished = false;
    const finish = (settle: () => void): void => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
      if (this.#running === entry) this.#running = undefined;
      this.#changed();
      this.#next();
    };
    const abortWith = (error: Error): void => {
      // Abort first, so the cancelled request is gone before the next item starts.
      controller.abort(error);
      finish(() => reject(error));
    };
    const onAbort = (): void => abortWith(new QueueAbortedError(true, signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => abortWith(new QueueTimeoutError(timeoutMs)), timeoutMs);

    let outcome: T | PromiseLike<T>;
    try {
      outcome = task(controller.signal);
    } catch (error) {
      finish(() => reject(error));
      return;
    }
    Promise.resolve(outcome).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  }

  #next(): void {
    if (this.#running !== undefined || this.#stopped) return;
    const entry = this.#waiting.take();
    if (entry === undefined) {
      this.#settleIdle();
      return;
    }
    this.#running = entry;
    this.#changed();
    entry.start();
  }

  #isIdle(): boolean {
    return this.#running === undefined && this.#waiting.size === 0;
  }

  #settleIdle(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** The one queue every session-writing action of the store goes through. */
export const actionQueue = new ActionQueue();
