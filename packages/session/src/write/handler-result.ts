import { SessionHandlerResultError } from '../errors.js';

/** What a handler wrapped by `withSession` returns: a response without `sessionData`. */
export interface SessionActionResult {
  statusCode: number;
  body?: string;
  /**
   * Whether the session changes of this request are written. Default: `true` for 2xx, `false` otherwise,
   * so an error response leaves the session exactly as it was. Note that the frontend-sdk stores the
   * session only from 2xx responses, so `true` on an error response helps other clients only.
   */
  writeSession?: boolean;
  /** Never: the wrapper writes the complete session itself. */
  sessionData?: never;
}

/** What an error mapper returns: a response that never writes the session. */
export interface SessionErrorResult {
  statusCode: number;
  body?: string;
  sessionData?: never;
  writeSession?: never;
}

export interface CheckedResult {
  statusCode: number;
  body?: string;
  writeSession: boolean;
}

/** Validates at run time what the types promise, for handlers written in JavaScript or cast around the types. */
export function checkHandlerResult(result: unknown, source: 'handler' | 'onError'): CheckedResult {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new SessionHandlerResultError(`${describe(result)} instead of a response object`);
  }
  const { statusCode, body, writeSession } = result as Record<string, unknown>;
  if ('sessionData' in result) {
    throw new SessionHandlerResultError('a response with a sessionData key (a partial or hand-made session would replace the stored one)');
  }
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new SessionHandlerResultError(`statusCode ${describe(statusCode)}, which is not an HTTP status (100-599)`);
  }
  if (body !== undefined && typeof body !== 'string') {
    throw new SessionHandlerResultError(`a body of type ${describe(body)}; the body must be a string (use JSON.stringify)`);
  }
  if (writeSession !== undefined && (source === 'onError' || typeof writeSession !== 'boolean')) {
    throw new SessionHandlerResultError(
      source === 'onError' ? 'writeSession from the error mapper; an error response never writes the session' : 'a writeSession that is not a boolean',
    );
  }
  const isSuccess = statusCode >= 200 && statusCode < 300;
  return { statusCode, ...(body === undefined ? {} : { body }), writeSession: (writeSession as boolean | undefined) ?? isSuccess };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'number' ? String(value) : typeof value;
}
