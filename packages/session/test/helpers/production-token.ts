// Reference encoder of the production session token as the hub issues it (the format pinned for the team):
// HS256 JWS over {"payload": base64(AES-256-GCM(envelope ‖ json) ‖ tag), "nonce": base64(iv)}, the envelope
// being the hub's 10 bytes of format version, environment, issued-at and last-seen seconds. Tests compare the
// library's key-less size formula with what this real encoder produces.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export interface TokenKeys {
  encryptionKey: Buffer;
  signingKey: Uint8Array;
}

export function randomTokenKeys(): TokenKeys {
  return { encryptionKey: randomBytes(32), signingKey: randomBytes(32) };
}

export async function encodeProductionToken(sessionData: unknown, keys: TokenKeys): Promise<string> {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, nonce);
  const envelope = Buffer.alloc(10);
  envelope[0] = 1; // format version
  envelope[1] = 2; // production
  envelope.writeUInt32BE(Math.floor(Date.now() / 1000), 2);
  envelope.writeUInt32BE(Math.floor(Date.now() / 1000), 6);
  const ciphertext = Buffer.concat([cipher.update(envelope), cipher.update(JSON.stringify(sessionData), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return new SignJWT({ payload: ciphertext.toString('base64'), nonce: nonce.toString('base64') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(keys.signingKey);
}

export async function decodeProductionToken(token: string, keys: TokenKeys): Promise<unknown> {
  const { payload } = await jwtVerify(token, keys.signingKey, { algorithms: ['HS256'] });
  const sealed = Buffer.from(String(payload['payload']), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(String(payload['nonce']), 'base64'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const json = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).subarray(10).toString('utf8');
  return JSON.parse(json) as unknown;
}

/** Bytes the browser counts for the cookie: name + value (`frontastic-session` + token). */
export function cookieBytes(token: string): number {
  return Buffer.byteLength('frontastic-session', 'utf8') + Buffer.byteLength(token, 'utf8');
}
