/**
 * An error answer from commercetools, parsed from its standard shape
 * `{ statusCode, message, errors: [{ code, message, currentVersion? }] }` (OAuth errors use
 * `{ error, error_description }`). Internal: the API wrappers turn it into an ExtensionError.
 */
export class CommercetoolsApiError extends Error {
  override readonly name = 'CommercetoolsApiError';
  constructor(
    readonly status: number,
    /** The first error's `code` (`ConcurrentModification`, `ResourceNotFound`, `invalid_grant`, ...). */
    readonly code: string,
    message: string,
    /** For `ConcurrentModification`: the resource's current version, when commercetools says it. */
    readonly currentVersion?: number,
  ) {
    super(message);
  }

  static fromBody(status: number, body: unknown): CommercetoolsApiError {
    const record = isRecord(body) ? body : {};
    const first = Array.isArray(record.errors) && isRecord(record.errors[0]) ? record.errors[0] : {};
    const code = stringOr(first.code, stringOr(record.error, `HTTP_${status}`));
    const message = stringOr(first.message, stringOr(record.message, stringOr(record.error_description, `commercetools answered ${status}`)));
    const currentVersion = typeof first.currentVersion === 'number' ? first.currentVersion : undefined;
    return new CommercetoolsApiError(status, code, message, currentVersion);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
