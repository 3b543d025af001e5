import { redact } from '../log/logger.js';
import { currentExtensionScope, type BundleFaultKind } from './extension-scope.js';

export interface ProcessGuardOptions {
  /**
   * A failure that no bundle code raised: a bug of the hub or of the program around it. Default: printed to
   * stderr and the process exits with code 1, as Node does without any handler. It is never swallowed.
   */
  onForeignFault?: (kind: BundleFaultKind, error: unknown) => void;
}

export interface ProcessGuard {
  /** Classifies one process-level failure and routes it: to the hub that ran the bundle code, or to `onForeignFault`. */
  handle(kind: BundleFaultKind, error: unknown): 'bundle' | 'foreign';
  /** Removes the process listeners. */
  close(): void;
}

function stackOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { stack?: unknown }).stack === 'string') return (error as { stack: string }).stack;
  return String(error);
}

function crash(kind: BundleFaultKind, error: unknown): void {
  process.stderr.write(redact(`[hub] ${new Date().toISOString()} error ${kind} outside bundle code, so a bug of the hub or its host; exiting\n${stackOf(error)}\n`));
  process.exit(1);
}

/**
 * Keeps the process alive when bundle code fails where nobody listens (the platform's runner survives a mail
 * promise a launchpad never awaits): such a failure is logged once by the hub that ran the code, with the
 * request id, and the hub keeps serving. Anything else still ends the process.
 *
 * Install it once in the program that owns the process (`yarn start:hub` does); a test runner owns the
 * process itself and reports such failures as test errors, which is what a test wants.
 */
export function guardProcessAgainstBundleFaults(options: ProcessGuardOptions = {}): ProcessGuard {
  const onForeignFault = options.onForeignFault ?? crash;
  const handle = (kind: BundleFaultKind, error: unknown): 'bundle' | 'foreign' => {
    const scope = currentExtensionScope();
    if (scope === undefined) {
      onForeignFault(kind, error);
      return 'foreign';
    }
    scope.reportFault({ kind, error, scope });
    return 'bundle';
  };
  const onRejection = (reason: unknown): void => {
    handle('unhandled-rejection', reason);
  };
  const onException = (error: unknown): void => {
    handle('uncaught-exception', error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    handle,
    close() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
