import type { HubState } from '../hub-state.js';
import { runInExtensionScope } from './extension-scope.js';
import { withTimeout } from './with-timeout.js';

/**
 * Calls into bundle code: within the hub's time limit, and inside an extension scope so that whatever the
 * code leaves running (timers, promises nobody awaits) stays tied to this request.
 */
export function runExtension<T>(state: HubState, what: string, requestId: string, run: () => T | Promise<T>): Promise<Awaited<T>> {
  return withTimeout(() => runInExtensionScope({ what, requestId, reportFault: state.reportBundleFault }, run), state.options.timeoutMs, what);
}
