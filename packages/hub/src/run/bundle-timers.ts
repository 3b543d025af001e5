import { promisify } from 'node:util';
import { currentExtensionScope } from './extension-scope.js';

type TimerCallback = (...args: unknown[]) => unknown;

/** The timer functions a bundle's code is given instead of the global ones. */
export interface BundleTimerGlobals {
  readonly setTimeout: typeof setTimeout;
  readonly setInterval: typeof setInterval;
  readonly clearTimeout: typeof clearTimeout;
  readonly clearInterval: typeof clearInterval;
}

export interface TimerLeak {
  readonly live: number;
  readonly threshold: number;
  /** The extension call that started the most of them (`action cart/addToCart`, `bundle load`). */
  readonly busiest: string;
  readonly busiestCount: number;
}

const realSetTimeout = globalThis.setTimeout;
const realSetInterval = globalThis.setInterval;
const realClearTimeout = globalThis.clearTimeout;
const realClearInterval = globalThis.clearInterval;

/**
 * Counts the timers bundle code keeps alive: an interval until it is cleared, a timeout until it fires or is
 * cleared. Each holds its callback and whatever that closes over; 3,000 forgotten intervals held 305 MB without
 * a word. Past `threshold` live timers `onLeak` is called, once. The functions behave as Node's own (same
 * Timeout objects, `this`, arguments, `util.promisify`); a bundle that reaches the globals some other way
 * (`globalThis.setTimeout`, `require('timers')`) is not counted.
 */
export class BundleTimers {
  readonly #live = new Map<NodeJS.Timeout, string>();
  readonly #byCaller = new Map<string, number>();
  #reported = false;
  readonly globals: BundleTimerGlobals;

  constructor(
    private readonly threshold: number,
    private readonly onLeak: (leak: TimerLeak) => void,
  ) {
    const timeout = (callback: TimerCallback, delay?: number, ...args: unknown[]): NodeJS.Timeout => {
      if (typeof callback !== 'function') return realSetTimeout(callback, delay, ...args);
      const forget = (): void => this.#forget(timer);
      const timer = realSetTimeout(function fired(this: unknown, ...given: unknown[]) {
        forget();
        return callback.apply(this, given);
      }, delay, ...args);
      this.#remember(timer);
      return timer;
    };
    Object.defineProperty(timeout, promisify.custom, { value: (realSetTimeout as unknown as Record<symbol, unknown>)[promisify.custom] });
    const interval = (callback: TimerCallback, delay?: number, ...args: unknown[]): NodeJS.Timeout => {
      const timer = realSetInterval(callback, delay, ...args);
      if (typeof callback === 'function') this.#remember(timer);
      return timer;
    };
    const clear = (real: (timer: NodeJS.Timeout | string | number | undefined) => void) => (timer: NodeJS.Timeout | string | number | undefined): void => {
      this.#forget(timer);
      real(timer);
    };
    this.globals = {
      setTimeout: timeout as unknown as typeof setTimeout,
      setInterval: interval as unknown as typeof setInterval,
      clearTimeout: clear(realClearTimeout),
      clearInterval: clear(realClearInterval),
    };
  }

  get live(): number {
    return this.#live.size;
  }

  #remember(timer: NodeJS.Timeout): void {
    const caller = currentExtensionScope()?.what ?? 'bundle code';
    this.#live.set(timer, caller);
    this.#byCaller.set(caller, (this.#byCaller.get(caller) ?? 0) + 1);
    if (this.#reported || this.#live.size < this.threshold) return;
    this.#reported = true;
    const [busiest, busiestCount] = [...this.#byCaller.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    this.onLeak({ live: this.#live.size, threshold: this.threshold, busiest, busiestCount });
  }

  #forget(timer: NodeJS.Timeout | string | number | undefined): void {
    if (timer === undefined || timer === null) return;
    // A timer may be cleared by its number (`+timer`): rare, so found by looking.
    const found = typeof timer === 'object' ? timer : [...this.#live.keys()].find((live) => Number(live) === Number(timer));
    if (found === undefined) return;
    const caller = this.#live.get(found);
    if (caller === undefined) return;
    this.#live.delete(found);
    const left = (this.#byCaller.get(caller) ?? 1) - 1;
    if (left === 0) this.#byCaller.delete(caller);
    else this.#byCaller.set(caller, left);
  }
}
