import { ENVELOPE_BYTES } from './envelope.js';

/** The cookie the frontend-sdk stores: `frontastic-session=<token>`; browsers cap name + value at 4096 bytes. */
export const SESSION_COOKIE_NAME = 'frontastic-session';
export const COOKIE_LIMIT_BYTES = 4096;

function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

function base64UrlLength(bytes: number): number {
  return Math.ceil((4 * bytes) / 3);
}

/**
 * Token length for a session whose `JSON.stringify` is `jsonBytes` UTF-8 bytes (the team's pinned format, with the
 * 10-byte lifetime envelope in front of the JSON inside the payload). `packages/session`'s guard computes the same.
 */
export function sessionTokenLength(jsonBytes: number): number {
  // {"payload":"<P>","nonce":"<N>"}: 12 + P + 11 + 16 + 2, P = base64(envelope ‖ JSON ‖ 16-byte tag)
  const claimsLength = 12 + base64Length(ENVELOPE_BYTES + jsonBytes + 16) + 11 + 16 + 2;
  // header {"alg":"HS256","typ":"JWT"} is 27 bytes → 36 base64url chars; signature 32 bytes → 43.
  return base64UrlLength(27) + 1 + base64UrlLength(claimsLength) + 1 + base64UrlLength(32);
}

export function sessionCookieLength(tokenLength: number): number {
  return SESSION_COOKIE_NAME.length + tokenLength;
}

export function cookieFits(tokenLength: number): boolean {
  return sessionCookieLength(tokenLength) <= COOKIE_LIMIT_BYTES;
}
