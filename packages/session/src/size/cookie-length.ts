import { SessionValueNotJsonError } from '../errors.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** The cookie the frontend-sdk stores the session token in. */
export const SESSION_COOKIE_NAME = 'frontastic-session';

/** Browsers keep a cookie only while name + value ≤ 4096 bytes; a bigger one is dropped without a word. */
export const SESSION_COOKIE_LIMIT = 4096;

// The production token: base64url(header) "." base64url(claims) "." base64url(HMAC-SHA256), where
// header = {"alg":"HS256","typ":"JWT"} and claims = {"payload":"<P>","nonce":"<N>"} with
// P = base64(AES-256-GCM ciphertext ‖ 16-byte tag) and N = base64(12-byte nonce).
// The ciphertext is that of the hub's lifetime envelope (format version, environment, issued-at and
// last-seen seconds: 10 bytes) followed by the session JSON. The platform's own tokens carry no envelope:
// there the guard keeps those 10 bytes in hand, so a session it allows fits both.
const HEADER_B64URL_LENGTH = 36; // base64url of the 27 bytes {"alg":"HS256","typ":"JWT"}
const SIGNATURE_B64URL_LENGTH = 43; // 32 bytes of HMAC-SHA256
const GCM_TAG_BYTES = 16;
/** The hub's lifetime envelope in front of the session JSON inside the encrypted payload. */
export const SESSION_ENVELOPE_BYTES = 10;
const NONCE_B64_LENGTH = 16; // 12 bytes
const CLAIMS_FIXED_LENGTH = '{"payload":"'.length + '","nonce":"'.length + NONCE_B64_LENGTH + '"}'.length;

const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);
const base64UrlLength = (bytes: number): number => Math.ceil((4 * bytes) / 3);

/** Length of the `frontastic-session` cookie (name + value) for a session whose JSON is `jsonBytes` UTF-8 bytes. */
export function sessionCookieLengthForJsonBytes(jsonBytes: number): number {
  const claimsLength = CLAIMS_FIXED_LENGTH + base64Length(SESSION_ENVELOPE_BYTES + jsonBytes + GCM_TAG_BYTES);
  const tokenLength = HEADER_B64URL_LENGTH + 1 + base64UrlLength(claimsLength) + 1 + SIGNATURE_B64URL_LENGTH;
  return SESSION_COOKIE_NAME.length + tokenLength;
}

/** The largest session JSON (UTF-8 bytes) whose cookie still fits the limit. */
export const MAX_SESSION_JSON_BYTES: number = (() => {
  let bytes = 0;
  while (sessionCookieLengthForJsonBytes(bytes + 1) <= SESSION_COOKIE_LIMIT) bytes++;
  return bytes;
})();

/** The session serialised exactly as the platform encrypts it. Throws `SessionValueNotJsonError` for BigInt or cycles. */
export function sessionJson(sessionData: object | null): string {
  try {
    return JSON.stringify(sessionData);
  } catch (error) {
    throw new SessionValueNotJsonError('(session)', '(session)', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Exact length in bytes of the `frontastic-session` cookie (name + value) the platform's production token
 * format makes of this session. Needs no key: AES-GCM keeps the length and every other part is fixed.
 */
export function sessionCookieLength(sessionData: object | null): number {
  return sessionCookieLengthForJsonBytes(utf8ByteLength(sessionJson(sessionData)));
}
