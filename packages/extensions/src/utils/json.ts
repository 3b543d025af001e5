import type { ExtensionError } from '../errors.js';

/** A JSON response body for actions: what a handler returns, `status` defaulting to 200. */
export interface JsonResult {
  readonly status?: number;
  readonly body: unknown;
}

export function errorBody(error: ExtensionError): { error: { code: string; message: string } } {
  return { error: { code: error.code, message: error.message } };
}
