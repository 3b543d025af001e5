import { QueueAbortedError, QueueTimeoutError, QueueTurnEndedError } from './queue-errors';
import { WaitingLine } from './waiting-line';

/**
 * Runs `task` inside the turn of the item it is handed to (see {@link QueueTask}); resolves or rejects
 * with the task's outcome.
 */
export type RunInTurn = <U>(task: QueueTask<U>, options?: AddOptions) => Promise<U>;

/**
 * Work to run in turn. It receives the item's AbortSignal (pass it to `fetch`, so that an abort or a
 * timeout really cancels the request before the next item starts) and `run`, which runs more work
 * inside this item's turn, for calls made after an `await` (an `add` made synchronously in the task
 * nests by itself).
 */
export type QueueTask<T> = (signal: AbortSignal, run: RunInTurn) => T | PromiseLike<T>;

export interface AddOptions {
  /** Aborting it removes a waiting item, or aborts a running one; either way the item's promise rejects. */
  signal?: AbortSignal;
  /** Overrides the queue's default timeout for this item, in milliseconds. */
  timeoutMs?: number;
}

/** What the items of one queue share. */
export interface QueueScope {
  /** The turn whose task is executing synchronously right now: an `add` made then nests in it. */
  current: Turn | undefined;
  readonly defaultTimeoutMs: number | undefined;
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** An item that waits for its turn. */
export interface Entry {
  /**
   * Runs the task. `onTurnEnd` is called once the task and every item nested in it have settled.
   * Returns a function that aborts the running item (and what is nested in it) with an error.
   */
  start(onTurnEnd: () => void): (error: Error) => void;
  /** Rejects the item without running it. */
  drop(error: Error): void;
}

/**
 * An item for `task`, or undefined when its signal is already aborted (the promise is rejected then).
 * `onAbortWhileWaiting` is called if the signal aborts before the item starts: the line that holds the
 * item removes it and drops it with the error it is given.
 */
export function createEntry<T>(
  scope: QueueScope,
  task: QueueTask<T>,
  options: AddOptions,
  settle: Settle<T>,
  onAbortWhileWaiting: (entry: Entry, error: QueueAbortedError) => void,
): Entry | undefined {
  const { signal } = options;
  if (signal?.aborted) {
    settle.reject(new QueueAbortedError(false, signal.reason));
    return undefined;
  }
  const timeoutMs = options.timeoutMs ?? scope.defaultTimeoutMs;
  const onAbort = (): void => onAbortWhileWaiting(entry, new QueueAbortedError(false, signal?.reason));
  const entry: Entry = {
    start: (onTurnEnd) => {
      signal?.removeEventListener('abort', onAbort);
      return runTask(scope, task, timeoutMs, signal, settle, onTurnEnd);
    },
    drop: (error) => {
      signal?.removeEventListener('abort', onAbort);
      settle.reject(error);
    },
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return entry;
}

function runTask<T>(
  scope: QueueScope,
  task: QueueTask<T>,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
  settle: Settle<T>,
  onTurnEnd: () => void,
): (error: Error) => void {
  const controller = new AbortController();
  const turn = new Turn(scope);
  let settled = false;
  const finish = (outcome: () => void): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    outcome();
    turn.end(onTurnEnd);
  };
  const abortWith = (error: Error): void => {
    // Abort first, so the cancelled request is gone before the next item starts.
    controller.abort(error);
    turn.abort(error);
    finish(() => settle.reject(error));
  };
  const onAbort = (): void => abortWith(new QueueAbortedError(true, signal?.reason));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => abortWith(new QueueTimeoutError(timeoutMs)), timeoutMs);

  let outcome: T | PromiseLike<T> | undefined;
  let thrown: { error: unknown } | undefined;
  const outer = scope.current;
  scope.current = turn;
  try {
    outcome = task(controller.signal, turn.run);
  } catch (error) {
    thrown = { error };
  } finally {
    scope.current = outer;
  }
  if (thrown !== undefined) {
    const { error } = thrown;
    finish(() => settle.reject(error));
  } else {
    Promise.resolve(outcome as T | PromiseLike<T>).then(
      (value) => finish(() => settle.resolve(value)),
      (error: unknown) => finish(() => settle.reject(error)),
    );
  }
  return abortWith;
}

/**
 * The turn of one running item: the items nested in it run here, first in, first out, one at a time,
 * without waiting for anything outside the turn. The turn ends once the item and all of them settled.
 */
export class Turn {
  readonly #scope: QueueScope;
  readonly #waiting = new WaitingLine<Entry>();
  #running = false;
  #abortRunning: ((error: Error) => void) | undefined;
  #abortedWith: Error | undefined;
  #onEnd: (() => void) | undefined;
  #ended = false;

  constructor(scope: QueueScope) {
    this.#scope = scope;
  }

  readonly run: RunInTurn = <U>(task: QueueTask<U>, options: AddOptions = {}): Promise<U> =>
    new Promise<U>((resolve, reject) => {
      if (this.#ended) {
        reject(new QueueTurnEndedError());
        return;
      }
      if (this.#abortedWith !== undefined) {
        reject(this.#abortedWith);
        return;
      }
      const entry = createEntry(this.#scope, task, options, { resolve, reject }, (waiting, error) => {
        if (!this.#waiting.remove(waiting)) return;
        waiting.drop(error);
        this.#endIfIdle();
      });
      if (entry === undefined) return;
      this.#waiting.push(entry);
      this.#next();
    });

  /** The item was aborted or timed out: what is nested in it rejects with the same error. */
  abort(error: Error): void {
    this.#abortedWith = error;
    for (const entry of this.#waiting.drain()) entry.drop(error);
    this.#abortRunning?.(error);
  }

  /** The item settled: `onEnd` is called as soon as nothing nested runs or waits any more. */
  end(onEnd: () => void): void {
    this.#onEnd = onEnd;
    this.#endIfIdle();
  }

  #next(): void {
    if (this.#running) return;
    const entry = this.#waiting.take();
    if (entry === undefined) {
      this.#endIfIdle();
      return;
    }
    this.#running = true;
    let done = false;
    const abort = entry.start(() => {
      done = true;
      this.#running = false;
      this.#abortRunning = undefined;
      this.#next();
    });
    if (!done) this.#abortRunning = abort;
  }

  #endIfIdle(): void {
    if (this.#running || this.#waiting.size > 0 || this.#onEnd === undefined) return;
    const onEnd = this.#onEnd;
    this.#onEnd = undefined;
    this.#ended = true;
    onEnd();
  }
}
