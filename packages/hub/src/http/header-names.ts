/** Response headers the hub sets; the frontend may read every one of them (they are exposed over CORS). */
export const HEADER = {
  session: 'Frontastic-Session',
  requestId: 'Frontastic-Request-Id',
  /** The incoming token could not be decoded; the value is the reason. The session became `{}`. */
  sessionInvalid: 'X-Session-Invalid',
  /** The action's session write was refused (too large for the cookie, or not an object); the previous session was kept. */
  sessionRefused: 'X-Session-Refused',
  /** The extension broke the contract (no statusCode/body, a failing data source) but the hub still answered. */
  extensionError: 'X-Extension-Error',
} as const;

export const EXPOSED_HEADERS = Object.values(HEADER).join(', ');
