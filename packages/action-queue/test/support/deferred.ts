/** A promise with its resolve/reject exposed, so a test decides when an item finishes. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A task that only ends when its signal aborts, as a fetch given that signal would. */
export function untilAborted(started?: (signal: AbortSignal) => void): (signal: AbortSignal) => Promise<never> {
  return (signal) =>
    new Promise<never>((_, reject) => {
      started?.(signal);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
}

/** One turn of the event loop. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
