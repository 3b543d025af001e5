// Two kinds of errors live here:
// - CommercetoolsHttpError: an answer in commercetools' own error shape, thrown by request handlers
//   and turned into the HTTP response by the server (never leaks as a crash);
// - PlatformError subclasses: thrown to the code that starts or configures the platform.

export interface CommercetoolsErrorObject {
  readonly code: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export interface CommercetoolsErrorBody {
  readonly statusCode: number;
  readonly message: string;
  readonly errors: readonly CommercetoolsErrorObject[];
  // OAuth errors also carry the RFC 6749 fields, as commercetools' auth server does.
  readonly error?: string;
  readonly error_description?: string;
}

export class CommercetoolsHttpError extends Error {
  override readonly name = 'CommercetoolsHttpError';
  readonly code: string;

  constructor(
    readonly statusCode: number,
    readonly body: CommercetoolsErrorBody,
  ) {
    super(body.message);
    this.code = body.errors[0]?.code ?? 'General';
  }
}

/** An API error: `{ statusCode, message, errors: [{ code, message, ...extra }] }`. */
export function apiError(
  statusCode: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): CommercetoolsHttpError {
  return new CommercetoolsHttpError(statusCode, { statusCode, message, errors: [{ code, message, ...extra }] });
}

/** An auth-server error, which commercetools answers with both shapes at once. */
export function authError(statusCode: number, code: string, message: string): CommercetoolsHttpError {
  return new CommercetoolsHttpError(statusCode, {
    statusCode,
    message,
    errors: [{ code, message }],
    error: code,
    error_description: message,
  });
}

export const invalidJson = (detail: string): CommercetoolsHttpError =>
  apiError(400, 'InvalidJsonInput', 'Request body does not contain valid JSON.', { detailedErrorMessage: detail });

/** The 409 for a stale version, with the current version as commercetools reports it. */
export const concurrentModification = (id: string, expected: number, current: number): CommercetoolsHttpError =>
  apiError(409, 'ConcurrentModification', `Object ${id} has a different version than expected. Expected: ${expected} - Actual: ${current}.`, {
    currentVersion: current,
  });

export const resourceNotFound = (message: string): CommercetoolsHttpError => apiError(404, 'ResourceNotFound', message);

export const insufficientScope = (message: string): CommercetoolsHttpError => authError(403, 'insufficient_scope', message);

export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A start option or environment variable has a value the platform cannot use. */
export class PlatformOptionError extends PlatformError {
  constructor(message: string) {
    super('PLATFORM_INVALID_OPTION', message);
  }
}

/** A fault-injection setting is out of range. */
export class FaultSettingsError extends PlatformError {
  constructor(message: string) {
    super('PLATFORM_INVALID_FAULTS', message);
  }
}

/** The platform could not start (port in use, seed failed). */
export class PlatformStartError extends PlatformError {
  constructor(message: string) {
    super('PLATFORM_START_FAILED', message);
  }
}

/** The data file is not a readable SQLite database (damaged, truncated, or not a database at all). Nothing was changed. */
export class PlatformDataCorruptError extends PlatformError {
  constructor(
    readonly file: string,
    detail: string,
    recovery: string,
  ) {
    super('PLATFORM_DATA_CORRUPT', `The platform's data file ${file} cannot be read (${detail}). It was left exactly as it is. ${recovery}`);
  }
}

/** The data file was written by another schema (an older or newer platform, or another program). Nothing was changed. */
export class PlatformDataSchemaError extends PlatformError {
  constructor(
    readonly file: string,
    detail: string,
    recovery: string,
  ) {
    super('PLATFORM_DATA_SCHEMA_MISMATCH', `The platform's data file ${file} ${detail}. It was left exactly as it is. ${recovery}`);
  }
}
