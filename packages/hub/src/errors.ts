/**
 * Every error the hub throws: a named class with a stable `code` and a message that says what to do.
 * Messages never contain tokens or secrets.
 */
export type HubErrorCode =
  | 'BUNDLE_LOAD_FAILED'
  | 'BUNDLE_INVALID'
  | 'PAGES_FILE_INVALID'
  | 'PROJECT_CONFIGURATION_INVALID'
  | 'PROJECT_FILE_INVALID'
  | 'PROJECT_INVALID'
  | 'SESSION_SECRET_MISSING'
  | 'SESSION_SECRET_TOO_SHORT'
  | 'DEVELOPMENT_SECRET_IN_PRODUCTION'
  | 'OPTIONS_INVALID'
  | 'ENVIRONMENT_UNKNOWN'
  | 'EXTENSION_TIMEOUT'
  | 'REQUEST_BODY_TOO_LARGE';

export class HubError extends Error {
  readonly code: HubErrorCode;

  constructor(code: HubErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The bundle file is missing, does not parse or throws while it is evaluated. */
export class BundleLoadError extends HubError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BUNDLE_LOAD_FAILED', message, options);
  }
}

/** The bundle loaded but its default export is not `{ actions, 'data-sources', 'dynamic-page-handler' }`. */
export class BundleShapeError extends HubError {
  constructor(message: string) {
    super('BUNDLE_INVALID', message);
  }
}

/** The local Studio data file (pages JSON) is unreadable or not in the documented format. */
export class PagesFileError extends HubError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PAGES_FILE_INVALID', message, options);
  }
}

export class ProjectConfigurationError extends HubError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PROJECT_CONFIGURATION_INVALID', message, options);
  }
}

/** The project file (`project.yml` style YAML, or JSON) cannot be read or does not parse. */
export class ProjectFileError extends HubError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PROJECT_FILE_INVALID', message, options);
  }
}

/** The project (`frontasticContext.project`) has a field of the wrong type, a missing or an unknown one. */
export class ProjectError extends HubError {
  constructor(message: string) {
    super('PROJECT_INVALID', message);
  }
}

/** Session secrets are missing, too short, or the development default is used in production. */
export class SessionSecretError extends HubError {
  constructor(code: 'SESSION_SECRET_MISSING' | 'SESSION_SECRET_TOO_SHORT' | 'DEVELOPMENT_SECRET_IN_PRODUCTION', message: string) {
    super(code, message);
  }
}

export class HubOptionsError extends HubError {
  constructor(message: string) {
    super('OPTIONS_INVALID', message);
  }
}

/** The environment is not one of the platform's three. */
export class UnknownEnvironmentError extends HubError {
  constructor(environment: string, known: readonly string[]) {
    super('ENVIRONMENT_UNKNOWN', `The environment ${JSON.stringify(environment)} is not one of ${known.join(', ')}; set HUB_ENVIRONMENT (or the environment option) to one of them exactly.`);
  }
}

/** An action, data source, dynamic page handler or page did not settle within its time limit. */
export class ExtensionTimeoutError extends HubError {
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number) {
    super('EXTENSION_TIMEOUT', `${what} did not answer within ${timeoutMs} ms; make it faster or raise the hub's timeout (HUB_TIMEOUT_MS).`);
    this.timeoutMs = timeoutMs;
  }
}

export class RequestBodyTooLargeError extends HubError {
  readonly limitBytes: number;

  constructor(limitBytes: number) {
    super('REQUEST_BODY_TOO_LARGE', `The request body exceeds ${limitBytes} bytes; send less data or raise the hub's limit (HUB_BODY_LIMIT_BYTES).`);
    this.limitBytes = limitBytes;
  }
}
