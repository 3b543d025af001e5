import { hkdfSync } from 'node:crypto';

/** One secret's derived key pair: the HS256 key and the AES-256-GCM key never share bytes. */
export interface SessionKey {
  readonly sign: Buffer;
  readonly encrypt: Buffer;
}

const SALT = 'ctp-session hub session token v1';

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
}

/** HKDF-SHA256 from the configured secret, so a secret of any length gives full-strength 256-bit keys. */
export async function deriveSessionKey(secret: string): Promise<SessionKey> {
  return { sign: derive(secret, 'HS256 signing key'), encrypt: derive(secret, 'AES-256-GCM encryption key') };
}

export async function deriveSessionKeys(secrets: readonly string[]): Promise<SessionKey[]> {
  return Promise.all(secrets.map(deriveSessionKey));
}
