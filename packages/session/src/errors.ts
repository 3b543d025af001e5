/** Every error this library throws. `code` is stable; match on it, not on the message. */
export type SessionErrorCode =
  | 'SESSION_TOO_LARGE'
  | 'SESSION_NESTED_OBJECT'
  | 'SESSION_VALUE_NOT_JSON'
  | 'SESSION_INVALID_VALUE'
  | 'SESSION_CUSTOMER_ID_NEEDS_SIGNIN'
  | 'SESSION_READ_ONLY'
  | 'SESSION_INVALID_HANDLER_RESULT'
  | 'SESSION_CLOSED';

export abstract class SessionError extends Error {
  abstract readonly code: SessionErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface SessionKeySize {
  key: string;
  /** Bytes the key adds to the session JSON: `"key":value` plus its separating comma. */
  bytes: number;
}

/** The session would make a `frontastic-session` cookie over the browser's limit; the browser would drop it silently. */
export class SessionTooLargeError extends SessionError {
  readonly code = 'SESSION_TOO_LARGE';

  constructor(
    readonly size: number,
    readonly limit: number,
    readonly largestKeys: readonly SessionKeySize[],
  ) {
    const keys = largestKeys.map((k) => `${k.key} (${k.bytes} B)`).join(', ');
    super(
      `The session would make a ${size}-byte frontastic-session cookie, over the browser limit of ${limit} bytes, ` +
        `so the browser would drop it. Largest keys: ${keys || 'none'}. ` +
        'Store references (ids) instead of data, or remove keys you no longer need.',
    );
  }
}

/** A session value is an object: the session holds references, not resources. */
export class SessionNestedObjectError extends SessionError {
  readonly code = 'SESSION_NESTED_OBJECT';

  constructor(readonly key: string, readonly path: string) {
    super(
      `Session key "${key}" holds an object at ${path}. The session only holds references ` +
        '(strings, numbers, booleans, null and arrays of them, plus the token triple under "token"): ' +
        `store its id instead (e.g. "${key}Id").`,
    );
  }
}

/** A session value cannot be represented as JSON (function, symbol, BigInt, NaN, Infinity, undefined in an array, cycle, class instance). */
export class SessionValueNotJsonError extends SessionError {
  readonly code = 'SESSION_VALUE_NOT_JSON';

  constructor(readonly key: string, readonly path: string, readonly reason: string) {
    super(`Session key "${key}" is not plain JSON at ${path}: ${reason}. Store a string, finite number, boolean or null instead.`);
  }
}

/** A known key got a value of the wrong type, or an argument is out of range. */
export class SessionInvalidValueError extends SessionError {
  readonly code = 'SESSION_INVALID_VALUE';

  constructor(readonly key: string, readonly expected: string) {
    super(`Session key "${key}" must be ${expected}.`);
  }
}

/** `customerId` was written directly; only `signin(token, customerId)` may set it, so it never exists without its token. */
export class SessionCustomerIdError extends SessionError {
  readonly code = 'SESSION_CUSTOMER_ID_NEEDS_SIGNIN';

  constructor() {
    super('customerId can only be set together with the customer token: call session.signin(token, customerId).');
  }
}

/** Code with read-only session access (data source, dynamic page handler) tried to change it. */
export class SessionReadOnlyError extends SessionError {
  readonly code = 'SESSION_READ_ONLY';

  constructor(readonly operation: string, readonly property: string) {
    super(
      `The session is read-only here (tried to ${operation} "${property}"). Data sources and the dynamic page handler ` +
        'cannot change the session; do it in an action wrapped with withSession.',
    );
  }
}

/** A handler wrapped by `withSession` returned something that is not a response without `sessionData`. */
export class SessionHandlerResultError extends SessionError {
  readonly code = 'SESSION_INVALID_HANDLER_RESULT';

  constructor(readonly problem: string) {
    super(`The action handler returned ${problem}. Return { statusCode, body? } and change the session through the CtpSession it was given.`);
  }
}

/** The session was changed after its request was answered; the change would be lost. */
export class SessionClosedError extends SessionError {
  readonly code = 'SESSION_CLOSED';

  constructor(readonly operation: string) {
    super(
      `Tried to ${operation} after the action's response was built, so the change would be lost. ` +
        'Await every session change before the handler returns.',
    );
  }
}
