/** Codes of answers that are not the extension's own (those keep the code the extension sent). */
export type FetchApiHubErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'HTTP_ERROR' | 'NOT_CONFIGURED' | (string & {});

/**
 * An action answered with an error, or could not be called. `code` is the extension's
 * `error.code` (`INVALID_CREDENTIALS`, `CART_EMPTY`, …) or the hub's (`ACTION_NOT_FOUND`, …) when it sent one.
 */
export class FetchApiHubError extends Error {
  override readonly name = 'FetchApiHubError';
  readonly code: FetchApiHubErrorCode;
  /** HTTP status; 0 when no answer arrived, or for a call through the frontend-sdk (which does not expose it). */
  readonly status: number;
  readonly path: string;

  constructor(options: { code: FetchApiHubErrorCode; message: string; status: number; path: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.path = options.path;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `{ error: { code, message } }` (extensions) or `{ code, message }` (the hub). */
export function errorFromBody(body: unknown, status: number, path: string): FetchApiHubError {
  const outer = record(body);
  const inner = record(outer?.['error']) ?? outer;
  const code = typeof inner?.['code'] === 'string' ? inner['code'] : 'HTTP_ERROR';
  const message =
    typeof inner?.['message'] === 'string' && inner['message'] !== ''
      ? inner['message']
      : `The API hub answered ${status} to ${path}; try again, or check the hub's log.`;
  return new FetchApiHubError({ code, message, status, path });
}
