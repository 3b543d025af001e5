import { createHmac, timingSafeEqual } from 'node:crypto';
import { base64url, decodeProtectedHeader } from 'jose';

/**
 * HS256 compact JWS, signed and verified with node:crypto's HMAC. jose signs through WebCrypto, whose
 * per-call async hop cost more than half of the hub's throughput (see bench/); the bytes are the same
 * as jose's `new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' })`, and the tests check
 * both ways that jose and this module accept each other's tokens.
 */
const HEADER_SEGMENT = base64url.encode('{"alg":"HS256","typ":"JWT"}');
const SIGNATURE_LENGTH = 43;

function sign(signingInput: string, key: Buffer): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

export function signCompact(claims: string, key: Buffer): string {
  const signingInput = `${HEADER_SEGMENT}.${Buffer.from(claims, 'utf8').toString('base64url')}`;
  return `${signingInput}.${sign(signingInput, key)}`;
}

/** The header must be HS256 (typ JWT or absent) and nothing else: no `crit`, no `b64`, no key hints. */
function isAcceptedHeader(segment: string, token: string): boolean {
  if (segment === HEADER_SEGMENT) return true;
  try {
    const header = decodeProtectedHeader(token);
    return header.alg === 'HS256' && (header.typ === undefined || header.typ === 'JWT') && Object.keys(header).every((name) => name === 'alg' || name === 'typ');
  } catch {
    return false;
  }
}

export type VerifyResult = { readonly claims: Buffer; readonly keyIndex: number } | 'malformed' | 'signature';

/** Verifies with each key in turn (newest first); compares in constant time, canonical encoding only. */
export function verifyCompact(token: string, keys: readonly { sign: Buffer }[]): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [headerSegment, claimsSegment, signature] = parts as [string, string, string];
  if (!isAcceptedHeader(headerSegment, token)) return 'malformed';
  if (signature.length !== SIGNATURE_LENGTH) return 'signature';
  const signingInput = `${headerSegment}.${claimsSegment}`;
  const given = Buffer.from(signature);
  for (let keyIndex = 0; keyIndex < keys.length; keyIndex += 1) {
    const expected = Buffer.from(sign(signingInput, (keys[keyIndex] as { sign: Buffer }).sign));
    if (timingSafeEqual(expected, given)) return { claims: Buffer.from(claimsSegment, 'base64url'), keyIndex };
  }
  return 'signature';
}
