import { AsyncLocalStorage } from 'node:async_hooks';

export type BundleFaultKind = 'unhandled-rejection' | 'uncaught-exception';

/** A failure bundle code raised where nobody was listening any more: a promise it did not await, a timer callback. */
export interface BundleFault {
  readonly kind: BundleFaultKind;
  readonly error: unknown;
  readonly scope: ExtensionScope;
}

/**
 * Who is running: every call into bundle code (and the bundle's own evaluation) runs inside one of these, and
 * every timer, promise and socket callback it starts inherits it through AsyncLocalStorage. A failure that
 * reaches the process can so be tied to the bundle, and to the request whose handler started it.
 */
export interface ExtensionScope {
  /** `action cart/addToCart`, `data source ds-1 (example/list)`, `dynamic page handler`, `bundle load`. */
  readonly what: string;
  /** The request's `Frontastic-Request-Id`; none for code the bundle ran while it was loaded. */
  readonly requestId: string | undefined;
  readonly reportFault: (fault: BundleFault) => void;
}

const storage = new AsyncLocalStorage<ExtensionScope>();

export function runInExtensionScope<T>(scope: ExtensionScope, run: () => T): T {
  return storage.run(scope, run);
}

/** The bundle code on whose behalf the current callback runs, if any. */
export function currentExtensionScope(): ExtensionScope | undefined {
  return storage.getStore();
}
