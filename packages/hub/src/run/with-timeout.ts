import { ExtensionTimeoutError } from '../errors.js';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Settles with the extension's result or rejects after `timeoutMs`; a late result is dropped (the platform
 * cannot cancel either). A synchronous result needs no timer: nothing else ran while it was computed.
 */
export function withTimeout<T>(run: () => T | Promise<T>, timeoutMs: number, what: string): Promise<Awaited<T>> {
  let result: T | Promise<T>;
  try {
    result = run();
  } catch (error) {
    return Promise.reject(error);
  }
  if (!isThenable(result)) return Promise.resolve(result as Awaited<T>);
  const pending = result;
  return new Promise<Awaited<T>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ExtensionTimeoutError(what, timeoutMs)), timeoutMs);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value as Awaited<T>);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
