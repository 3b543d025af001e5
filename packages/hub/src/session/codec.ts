import { createCipheriv, createDecipheriv } from 'node:crypto';
import { signCompact, verifyCompact } from './compact-jws.js';
import { envelopeOf, openEnvelope, type SessionStamp } from './envelope.js';
import { nextNonce } from './nonce-pool.js';
import type { SessionKey } from './keys.js';

/** Plain JSON object carried in the session token. */
export type SessionData = Record<string, unknown>;

/** Why an incoming token was not accepted; sent in the `X-Session-Invalid` response header. */
export type TokenRejection =
  | 'malformed' // not a compact JWS with the expected header and claims
  | 'signature' // signed with none of the configured keys: tampered, foreign or rotated out
  | 'decryption' // signature is good but the payload does not decrypt
  | 'not-an-object' // decrypted JSON is not a session object
  | 'legacy' // issued before tokens carried their lifetime: its age cannot be known
  | 'environment' // issued by a hub of another environment (a staging token in production, say)
  | 'expired-idle' // not used for longer than the idle limit
  | 'expired-absolute'; // begun longer ago than the absolute limit

export type DecodeResult =
  | { readonly ok: true; readonly session: SessionData; readonly json: string; readonly keyIndex: number; readonly stamp: SessionStamp }
  | { readonly ok: false; readonly reason: TokenRejection };

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const decoder = new TextDecoder('utf-8', { fatal: true });
// A cookie never holds more than 4096 bytes; anything far beyond is not ours.
const MAX_TOKEN_LENGTH = 16 * 1024;
const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function isSessionData(value: unknown): value is SessionData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Encodes a session in the production format: HS256 JWS over `{"payload":…,"nonce":…}`, the payload being
 * AES-256-GCM of the lifetime envelope and the session JSON. The stamp defaults to a development session that
 * begins now (what tests that craft a token want).
 */
export function encodeSession(session: SessionData, key: SessionKey, stamp: Partial<SessionStamp> = {}): string {
  const now = Date.now();
  return encodeSessionJson(JSON.stringify(session), key, { environment: 'development', issuedAt: now, lastSeenAt: now, ...stamp });
}

/** The same, from the session's JSON text (which the caller may already hold). */
export function encodeSessionJson(json: string, key: SessionKey, stamp: SessionStamp): string {
  const nonce = nextNonce();
  const cipher = createCipheriv('aes-256-gcm', key.encrypt, nonce);
  const ciphertext = Buffer.concat([cipher.update(envelopeOf(stamp)), cipher.update(json, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  // Built by hand so the claims bytes (key order, no iat/exp) are exactly the pinned format.
  const claims = `{"payload":"${ciphertext.toString('base64')}","nonce":"${nonce.toString('base64')}"}`;
  return signCompact(claims, key.sign);
}

function parseClaims(claims: Buffer): { payload: Buffer; nonce: Buffer } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(claims));
  } catch {
    return undefined;
  }
  if (!isSessionData(parsed) || typeof parsed['payload'] !== 'string' || typeof parsed['nonce'] !== 'string') return undefined;
  const payload = Buffer.from(parsed['payload'], 'base64');
  const nonce = Buffer.from(parsed['nonce'], 'base64');
  if (nonce.length !== NONCE_BYTES || payload.length < TAG_BYTES) return undefined;
  return { payload, nonce };
}

function decrypt(payload: Buffer, nonce: Buffer, key: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
    return Buffer.concat([decipher.update(payload.subarray(0, payload.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Decodes with any configured key (newest first); never throws, tells why a token was refused. */
export function decodeSession(token: string, keys: readonly SessionKey[]): DecodeResult {
  if (token.length > MAX_TOKEN_LENGTH || !JWS_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
  const verified = verifyCompact(token, keys);
  if (typeof verified === 'string') return { ok: false, reason: verified };
  const claims = parseClaims(verified.claims);
  if (claims === undefined) return { ok: false, reason: 'malformed' };
  const plain = decrypt(claims.payload, claims.nonce, (keys[verified.keyIndex] as SessionKey).encrypt);
  if (plain === undefined) return { ok: false, reason: 'decryption' };
  const opened = openEnvelope(plain);
  if (typeof opened === 'string') return { ok: false, reason: opened };
  let json: string;
  let session: unknown;
  try {
    json = decoder.decode(opened.json);
    session = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'decryption' };
  }
  if (!isSessionData(session)) return { ok: false, reason: 'not-an-object' };
  return { ok: true, session, json, keyIndex: verified.keyIndex, stamp: opened.stamp };
}
