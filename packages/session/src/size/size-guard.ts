import { SessionTooLargeError, type SessionKeySize } from '../errors.js';
import { utf8ByteLength } from './utf8-byte-length.js';
import { SESSION_COOKIE_LIMIT, sessionCookieLengthForJsonBytes, sessionJson } from './cookie-length.js';

const LARGEST_KEYS_REPORTED = 3;

/**
 * Refuses a session whose `frontastic-session` cookie would exceed the browser limit.
 * Returns the cookie length so callers can log or measure it.
 */
export function assertSessionFits(sessionData: object, limit: number = SESSION_COOKIE_LIMIT): number {
  const size = sessionCookieLengthForJsonBytes(utf8ByteLength(sessionJson(sessionData)));
  if (size > limit) throw new SessionTooLargeError(size, limit, largestKeys(sessionData));
  return size;
}

function largestKeys(sessionData: object): SessionKeySize[] {
  return Object.entries(sessionData)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, bytes: utf8ByteLength(`${JSON.stringify(key)}:${JSON.stringify(value)},`) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, LARGEST_KEYS_REPORTED);
}
