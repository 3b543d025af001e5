import { redact } from '../log/logger.js';

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

const MAX_HEADER_TEXT = 1000;

/**
 * Extension messages go into headers: redacted (a bundle's error text may quote a token), only printable
 * ASCII (node refuses the rest), and not too much of it.
 */
export function headerText(text: string): string {
  const printable = redact(text).replace(/[^\x20-\x7e]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return printable.length > MAX_HEADER_TEXT ? `${printable.slice(0, MAX_HEADER_TEXT - 1)}…`.replace('…', '...') : printable;
}
