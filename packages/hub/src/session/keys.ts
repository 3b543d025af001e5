import { hkdfSync, webcrypto } from 'node:crypto';
import type { CryptoKey } from 'jose';

/** One secret's derived key pair: the HS256 signing key and the AES-256-GCM key never share bytes. */
export interface SessionKey {
  readonly sign: CryptoKey;
  readonly encrypt: Buffer;
}

const SALT = 'ctp-session hub session token v1';

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
}

export async function deriveSessionKey(secret: string): Promise<SessionKey> {
  // Imported once so jose does not re-import raw key bytes on every request.
  const sign = await webcrypto.subtle.importKey('raw', derive(secret, 'HS256 signing key'), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return { sign: sign as CryptoKey, encrypt: derive(secret, 'AES-256-GCM encryption key') };
}

export async function deriveSessionKeys(secrets: readonly string[]): Promise<SessionKey[]> {
  return Promise.all(secrets.map(deriveSessionKey));
}
