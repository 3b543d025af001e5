import { ExtensionTimeoutError, RequestBodyTooLargeError } from '../errors.js';
import type { HubState, RouteCall } from '../hub-state.js';
import { sendError } from '../http/respond.js';

/** Duck-typed: errors thrown by the bundle may come from another realm, where `instanceof Error` fails. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const { name, message } = error as { name?: unknown; message: string };
    return `${typeof name === 'string' ? name : 'Error'}: ${message}`;
  }
  return `non-error value thrown: ${String(error)}`;
}

/** A thrown or timed-out extension: 500 with a JSON error, as on the platform; the session is left as it was. */
export function sendExtensionFailure(state: HubState, call: RouteCall, what: string, error: unknown): void {
  if (error instanceof RequestBodyTooLargeError) {
    sendError(call.res, 413, error.code, error.message, call.requestId);
    return;
  }
  const timeout = error instanceof ExtensionTimeoutError;
  const code = timeout ? 'EXTENSION_TIMEOUT' : 'EXTENSION_FAILED';
  const message = timeout ? (error as ExtensionTimeoutError).message : `${what} failed: ${describeError(error)}`;
  state.logger.log('error', timeout ? 'extension timed out' : 'extension threw', { what, reason: describeError(error), requestId: call.requestId });
  sendError(call.res, 500, code, message, call.requestId);
}
