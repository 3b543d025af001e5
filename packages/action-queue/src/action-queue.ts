import { LONG_ITEM_REPORT_MS, LongItemWatch } from './long-item-report';
import { QueueClearedError } from './queue-errors';
import { createEntry, type AddOptions, type Entry, type QueueScope, type QueueTask } from './turn';
import { browserLocks, IN_TAB_GATE, WebLocksGate, type TurnGate } from './turn-gate';
import { WaitingLine } from './waiting-line';

export type { AddOptions, QueueTask, RunInTurn } from './turn';

export interface ActionQueueOptions {
  /** Default per-item timeout in milliseconds; none when omitted. */
  timeoutMs?: number;
  /**
   * Orders the items of every tab and window of the origin through the Web Lock of this name. Where
   * Web Locks do not exist (server rendering, Node, old browsers) the queue orders this tab's items only.
   */
  lockName?: string;
  /**
   * A running item that has held the queue this long while others wait is reported once through
   * `report`, naming the likely cause. Default 5000; `false` turns it off. A development aid: it runs where
   * `process.env.NODE_ENV` is not `production`, and a production bundle leaves its code out.
   */
  longItemReportMs?: number | false;
  /** Where that report goes; default `console.warn`. */
  report?: (message: string) => void;
  /**
   * Browser scope only: awaited after each item, before the turn passes to another tab. The store uses
   * it to wait until the cookie store that every tab reads holds the session the item wrote. A failure
   * of it is ignored: the turn is handed on all the same.
   */
  beforeHandOver?: () => Promise<unknown>;
}

interface Acquisition {
  readonly entry: Entry;
  cancel: () => void;
}

/**
 * Runs session-writing actions one at a time, first in, first out. Two actions in flight would each
 * return a session built from the same starting point, and the one that finishes last would silently
 * overwrite the other: running them in turn makes every action start from the session its predecessor
 * wrote. With `lockName`, "one at a time" holds for the whole browser, because every tab shares the
 * one session cookie.
 */
export class ActionQueue {
  readonly #scope: QueueScope;
  readonly #gate: TurnGate;
  readonly #longItemMs: number | false;
  readonly #report: (message: string) => void;
  readonly #beforeHandOver: (() => Promise<unknown>) | undefined;
  readonly #waiting = new WaitingLine<Entry>();
  /** The head item while it waits for the browser-wide turn (never set with the in-tab gate). */
  #acquiring: Acquisition | undefined;
  #running: { watch: LongItemWatch | undefined } | undefined;
  #stopped = false;
  #idleWaiters: Array<() => void> = [];
  readonly #listeners = new Set<() => void>();

  constructor(options: ActionQueueOptions = {}) {
    this.#scope = { current: undefined, defaultTimeoutMs: options.timeoutMs };
    const locks = options.lockName === undefined ? undefined : browserLocks();
    this.#gate = locks === undefined || options.lockName === undefined ? IN_TAB_GATE : new WebLocksGate(locks, options.lockName);
    this.#longItemMs = options.longItemReportMs ?? LONG_ITEM_REPORT_MS;
    this.#report = options.report ?? ((message) => console.warn(message));
    this.#beforeHandOver = options.beforeHandOver;
  }

  /** `browser`: items wait for the items of every tab of the origin; `tab`: for this tab's own only. */
  get scope(): 'browser' | 'tab' {
    return this.#gate.scope;
  }

  /** This tab's items that have not started: waiting in the tab, or waiting for the browser-wide turn. */
  get size(): number {
    return this.#waiting.size + (this.#acquiring === undefined ? 0 : 1);
  }

  /** This tab's items running now: 0 or 1 (an item runs until it and the items nested in it have settled). */
  get pending(): number {
    return this.#running === undefined ? 0 : 1;
  }

  get isStopped(): boolean {
    return this.#stopped;
  }

  /**
   * Queues `task` and resolves or rejects with its outcome. A failing item rejects only its own promise;
   * the next item starts all the same. An `add` made while a task executes synchronously runs inside that
   * task's turn; after an `await`, use the `run` helper the task receives (see the README).
   */
  add<T>(task: QueueTask<T>, options: AddOptions = {}): Promise<T> {
    const turn = this.#scope.current;
    if (turn !== undefined) return turn.run(task, options);
    return new Promise<T>((resolve, reject) => {
      const entry = createEntry(this.#scope, task, options, { resolve, reject }, (waiting, error) => this.#dropWaiting(waiting, error));
      if (entry === undefined) return;
      this.#waiting.push(entry);
      this.#changed();
      this.#running?.watch?.check();
      this.#next();
    });
  }

  /** Holds this tab's queue: the running item finishes, nothing new starts here until `restart()`. */
  stop(): void {
    this.#stopped = true;
    const acquisition = this.#acquiring;
    if (acquisition !== undefined) {
      // Not started yet: it gives up its place in the browser's line and waits at the head of this tab's.
      this.#acquiring = undefined;
      acquisition.cancel();
      this.#waiting.unshift(acquisition.entry);
    }
    this.#changed();
  }

  /** Resumes a stopped queue. */
  restart(): void {
    this.#stopped = false;
    this.#changed();
    this.#next();
  }

  /**
   * Rejects every item of this tab that has not started with `error` (default `QueueClearedError`), so
   * no promise is left hanging; the running item is not affected.
   */
  clear(error: Error = new QueueClearedError()): void {
    const dropped = this.#waiting.drain();
    const acquisition = this.#acquiring;
    if (acquisition !== undefined) {
      this.#acquiring = undefined;
      acquisition.cancel();
      dropped.unshift(acquisition.entry);
    }
    for (const entry of dropped) entry.drop(error);
    this.#changed();
    this.#settleIdle();
  }

  /** Resolves once nothing of this tab runs or waits (a stopped queue with waiting items is not idle). */
  onIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Calls `listener` whenever size, pending or the stopped state may have changed (for busy indicators). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #dropWaiting(entry: Entry, error: Error): void {
    if (this.#acquiring?.entry === entry) {
      const acquisition = this.#acquiring;
      this.#acquiring = undefined;
      acquisition.cancel();
    } else if (!this.#waiting.remove(entry)) {
      return;
    }
    entry.drop(error);
    this.#changed();
    this.#next();
  }

  #next(): void {
    if (this.#acquiring !== undefined || this.#running !== undefined || this.#stopped) return;
    const entry = this.#waiting.take();
    if (entry === undefined) {
      this.#settleIdle();
      return;
    }
    const acquisition: Acquisition = { entry, cancel: () => undefined };
    this.#acquiring = acquisition;
    const cancel = this.#gate.acquire((release) => {
      if (this.#acquiring !== acquisition) {
        // Dropped or held back while the browser was granting the turn: give it straight back.
        release();
        return;
      }
      this.#acquiring = undefined;
      this.#start(entry, release);
    });
    acquisition.cancel = cancel;
    if (this.#acquiring === acquisition) this.#changed();
  }

  #start(entry: Entry, release: () => void): void {
    const running = {
      // Written out here, not behind a helper: a bundler that replaces process.env.NODE_ENV can then drop the watch.
      watch:
        typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && this.#longItemMs !== false
          ? new LongItemWatch(this.#longItemMs, () => this.size, () => this.#gate.waitingElsewhere(), this.#report)
          : undefined,
    };
    this.#running = running;
    this.#changed();
    entry.start(() => {
      running.watch?.stop();
      this.#running = undefined;
      // This tab asks for its next turn before it gives this one back: a tab that asked while this item
      // ran is still ahead in the browser's line (no tab is starved), and when none did, the next turn
      // is granted without another round trip to the browser.
      this.#next();
      this.#handOver(release);
      this.#changed();
    });
  }

  #handOver(release: () => void): void {
    const beforeHandOver = this.#beforeHandOver;
    if (beforeHandOver === undefined || this.#gate.scope === 'tab') {
      release();
      return;
    }
    // A hook that throws (the executor catches it) or rejects must not keep the turn from the other tabs.
    new Promise<unknown>((resolve) => resolve(beforeHandOver())).catch(() => undefined).finally(release);
  }

  #isIdle(): boolean {
    return this.#running === undefined && this.size === 0;
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
