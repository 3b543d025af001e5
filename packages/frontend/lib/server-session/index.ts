// The server side of the frontend-sdk's session for Next.js App Router code (Server Actions, Route Handlers,
// Server Components). Self-contained on purpose: it depends on the frontend's session-cookie and hub-call
// modules only, so it can move into a published package as it is.
export { createServerSession, type ActionCall, type ServerSession, type ServerSessionOptions } from './create-server-session';
export { SessionWriteInServerComponentError } from './errors';
export { COOKIE_LIMIT_BYTES, type CookieWriteOptions, type ServerCookies } from './server-cookies';
export { SessionLineage, type SessionLineageOptions } from './session-lineage';
export { FetchApiHubError } from '../fetch-api-hub-error';
export { SessionEndedError } from '../session-ended-error';
export { SESSION_COOKIE, REMEMBER_ME_COOKIE } from '../session-cookie';
