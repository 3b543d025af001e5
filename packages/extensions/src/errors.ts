/**
 * Every failure an action can report. `status` is the HTTP status of the action's response and `code`
 * the stable `error.code` of its JSON body `{ error: { code, message } }`.
 */
export abstract class ExtensionError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

/** A commercetools setting is missing from the Studio project configuration and from the environment. */
export class ConfigurationError extends ExtensionError {
  readonly code = 'CONFIGURATION_MISSING';
  readonly status = 500;
  override readonly name = 'ConfigurationError';
  constructor(readonly setting: string, envVariable: string) {
    super(`The commercetools setting ${setting} is missing: set it in the Studio project configuration or as the environment variable ${envVariable}.`);
  }
}

/** The action's body or query is not what it accepts. */
export class BadRequestError extends ExtensionError {
  readonly code: string;
  readonly status = 400;
  override readonly name = 'BadRequestError';
  constructor(message: string, code = 'BAD_REQUEST') {
    super(message);
    this.code = code;
  }
}

/** The action needs a signed-in customer and the session has none. */
export class NotSignedInError extends ExtensionError {
  readonly code = 'NOT_SIGNED_IN';
  readonly status = 401;
  override readonly name = 'NotSignedInError';
  constructor() {
    super('Sign in first: this action needs a signed-in customer.');
  }
}

/** The email/password pair was refused. */
export class InvalidCredentialsError extends ExtensionError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly status = 401;
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('The email or password is not correct.');
  }
}

/** The shopper's token could not be refreshed; the customer part of the session was dropped. */
export class SessionExpiredError extends ExtensionError {
  readonly code = 'SESSION_EXPIRED';
  readonly status = 401;
  override readonly name = 'SessionExpiredError';
  constructor() {
    super('Your sign-in has expired. Sign in again to continue.');
  }
}

export class NotFoundError extends ExtensionError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  override readonly name = 'NotFoundError';
}

export class ConflictError extends ExtensionError {
  readonly code: string;
  readonly status = 409;
  override readonly name = 'ConflictError';
  constructor(message: string, code = 'CONCURRENT_MODIFICATION') {
    super(message);
    this.code = code;
  }
}

/** commercetools answered with an error we do not map to the shopper (or a 5xx). */
export class PlatformError extends ExtensionError {
  readonly code = 'PLATFORM_ERROR';
  readonly status = 502;
  override readonly name = 'PlatformError';
}

/** commercetools could not be reached at all. */
export class PlatformUnavailableError extends ExtensionError {
  readonly code = 'PLATFORM_UNAVAILABLE';
  readonly status = 502;
  override readonly name = 'PlatformUnavailableError';
  constructor(options?: { cause: string }) {
    super('commercetools could not be reached. Try again in a moment.', options);
  }
}

/** commercetools did not answer within the time an extension may wait for an external call. */
export class PlatformTimeoutError extends ExtensionError {
  readonly code = 'PLATFORM_TIMEOUT';
  readonly status = 504;
  override readonly name = 'PlatformTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`commercetools did not answer within ${timeoutMs} ms. Try again in a moment.`);
  }
}
