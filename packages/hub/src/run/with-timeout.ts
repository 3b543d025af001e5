import { ExtensionTimeoutError } from '../errors.js';

/** Settles with the extension's result or rejects after `timeoutMs`; a late result is dropped (the platform cannot cancel either). */
export function withTimeout<T>(run: () => T | Promise<T>, timeoutMs: number, what: string): Promise<Awaited<T>> {
  return new Promise<Awaited<T>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ExtensionTimeoutError(what, timeoutMs)), timeoutMs);
    Promise.resolve()
      .then(run)
      .then(
        (value: T) => {
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
