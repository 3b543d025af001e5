// Session data
export type {
  CtpAuthToken,
  DeepReadonly,
  KnownSessionKey,
  ProjectSessionKey,
  ReadonlySessionData,
  SessionData,
  SessionScalar,
  SessionValue,
  SettableSessionKey,
} from './session-data.js';
export { KNOWN_SESSION_KEYS } from './session-data.js';

// Writing: actions
export { CtpSession } from './session/ctp-session.js';
export type { SessionRepair } from './values/incoming-session.js';
export { hasValidToken } from './session/token-validity.js';
export { withSession } from './write/with-session.js';
export type { SessionAction, SessionActionArgs, SessionActionHandler, WithSessionOptions } from './write/with-session.js';
export type { SessionActionResult, SessionErrorResult } from './write/handler-result.js';

// Reading: data sources and the dynamic page handler
export { readSession } from './read/read-session.js';

// Size guard
export {
  MAX_SESSION_JSON_BYTES,
  SESSION_COOKIE_LIMIT,
  SESSION_COOKIE_NAME,
  SESSION_ENVELOPE_BYTES,
  sessionCookieLength,
  sessionCookieLengthForJsonBytes,
} from './size/cookie-length.js';
export { assertSessionFits } from './size/size-guard.js';
export { utf8ByteLength } from './size/utf8-byte-length.js';

// Extension contract
export type { ActionContext, ActionHandler, ActionRequest, ActionResponse, HeaderValue, QueryValue } from './contract/action.js';
export type {
  DataSourceConfiguration,
  DataSourceContext,
  DataSourceHandler,
  DataSourcePreviewPayloadElement,
  DataSourceResult,
} from './contract/data-source.js';
export type {
  DynamicPageContext,
  DynamicPageHandler,
  DynamicPageRedirectResult,
  DynamicPageResult,
  DynamicPageSuccessResult,
} from './contract/dynamic-page.js';
export type { FrontasticContext, FrontasticProject } from './contract/frontastic-context.js';
export { headerValue } from './contract/header-value.js';

// Errors
export {
  SessionClosedError,
  SessionCustomerIdError,
  SessionError,
  SessionHandlerResultError,
  SessionInvalidValueError,
  SessionNestedObjectError,
  SessionReadOnlyError,
  SessionTooLargeError,
  SessionValueNotJsonError,
} from './errors.js';
export type { SessionErrorCode, SessionKeySize } from './errors.js';
