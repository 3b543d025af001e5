import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { base64url, jwtVerify, SignJWT } from 'jose';
import { COOKIE_LIMIT_BYTES, decodeSession, deriveSessionKey, encodeSession, sessionCookieLength, sessionTokenLength, type SessionKey } from '../src/index.js';
import { SECRET_A, SECRET_B } from './support/start-test-hub.js';

const keyA = await deriveSessionKey(SECRET_A);
const keyB = await deriveSessionKey(SECRET_B);

function part(token: string, index: number): string {
  return Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8');
}

describe('session token codec (the pinned production format)', () => {
  it('round-trips a session', async () => {
    const session = { cartId: 'c-1', customer: { id: 'x', ünïcode: '✓' }, n: 3, list: [1, null, true] };
    const decoded = await decodeSession(await encodeSession(session, keyA), [keyA]);
    expect(decoded).toMatchObject({ ok: true, session, keyIndex: 0 });
  });

  it('writes exactly the pinned header, claims and part lengths', async () => {
    const json = JSON.stringify({ cartId: 'abc' });
    const token = await encodeSession({ cartId: 'abc' }, keyA);
    const [header, claims, signature] = token.split('.');
    expect(part(token, 0)).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(header).toHaveLength(36);
    expect(signature).toHaveLength(43);
    expect(token).not.toMatch(/=/);
    const parsed = JSON.parse(part(token, 1)) as Record<string, string>;
    expect(Object.keys(parsed)).toEqual(['payload', 'nonce']);
    expect(part(token, 1)).toBe(`{"payload":"${parsed['payload']}","nonce":"${parsed['nonce']}"}`);
    expect(parsed['nonce']).toHaveLength(16);
    expect(Buffer.from(parsed['nonce'] ?? '', 'base64')).toHaveLength(12);
    // standard base64 with padding of ciphertext ‖ 16-byte tag
    expect(parsed['payload']).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    // the 10-byte lifetime envelope, the JSON, the 16-byte tag
    expect(Buffer.from(parsed['payload'] ?? '', 'base64')).toHaveLength(10 + Buffer.byteLength(json) + 16);
    expect(claims).toBeDefined();
  });

  it('is a standard HS256 JWT that jose verifies, and its payload is AES-256-GCM of the lifetime envelope and the JSON', async () => {
    const stamp = { environment: 'production' as const, issuedAt: Date.UTC(2026, 11, 1), lastSeenAt: Date.UTC(2026, 11, 2, 8, 30, 15) };
    const token = await encodeSession({ a: 1 }, keyA, stamp);
    const { payload, protectedHeader } = await jwtVerify(token, keyA.sign);
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    const nonce = Buffer.from(payload['nonce'] as string, 'base64');
    const cipher = createCipheriv('aes-256-gcm', keyA.encrypt, nonce);
    // version 1, environment 2 (production), issued and last seen as big-endian seconds
    const envelope = Buffer.from([1, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    envelope.writeUInt32BE(stamp.issuedAt / 1000, 2);
    envelope.writeUInt32BE(stamp.lastSeenAt / 1000, 6);
    const expected = Buffer.concat([cipher.update(envelope), cipher.update('{"a":1}', 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    expect(payload['payload']).toBe(expected);
    expect(await decodeSession(token, [keyA])).toEqual({ ok: true, session: { a: 1 }, json: '{"a":1}', keyIndex: 0, stamp });
  });

  /** A token jose signs itself around AES-256-GCM of `plain`. */
  async function joseToken(plain: Buffer): Promise<string> {
    const nonce = Buffer.alloc(12, 7);
    const cipher = createCipheriv('aes-256-gcm', keyA.encrypt, nonce);
    const payload = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64');
    return new SignJWT({ payload, nonce: nonce.toString('base64') }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyA.sign);
  }

  it('decodes a token that jose itself signed in the pinned format', async () => {
    const envelope = Buffer.from([1, 1, 0x69, 0x2d, 0x1f, 0x00, 0x69, 0x2d, 0x1f, 0x3c]);
    const token = await joseToken(Buffer.concat([envelope, Buffer.from('{"from":"jose"}')]));
    expect(await decodeSession(token, [keyA])).toMatchObject({ ok: true, session: { from: 'jose' }, stamp: { environment: 'staging', issuedAt: 0x692d1f00 * 1000, lastSeenAt: 0x692d1f3c * 1000 } });
    // Byte for byte what this codec would have produced with the same nonce.
    expect(token.split('.')[0]).toBe((await encodeSession({}, keyA)).split('.')[0]);
  });

  it.each([
    ['a token from before the lifetime envelope (plain JSON inside)', Buffer.from('{"customerId":"c-1"}'), 'legacy'],
    ['an unknown format version', Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]), 'malformed'],
    ['an unknown environment', Buffer.concat([Buffer.from([1, 3, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]), 'malformed'],
    ['an envelope cut short', Buffer.from([1, 0, 0, 0]), 'malformed'],
    ['nothing at all', Buffer.alloc(0), 'malformed'],
  ])('refuses %s, signed and encrypted with the right key: %s', async (_name, plain, reason) => {
    expect(await decodeSession(await joseToken(plain), [keyA])).toEqual({ ok: false, reason });
  });

  it('uses a fresh nonce for every token', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => encodeSession({ same: true }, keyA)));
    expect(new Set(tokens.map((token) => JSON.parse(part(token, 1)).nonce)).size).toBe(20);
  });

  it('predicts the exact token length of any session (formula checked against the encoder)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), async (session) => {
        const jsonBytes = Buffer.byteLength(JSON.stringify(session));
        expect((await encodeSession(session, keyA)).length).toBe(sessionTokenLength(jsonBytes));
      }),
      { numRuns: 200 },
    );
  });

  it('puts the browser limit at 2191 bytes of session JSON (2201 without the 10-byte envelope)', () => {
    expect(sessionCookieLength(sessionTokenLength(2191))).toBeLessThanOrEqual(COOKIE_LIMIT_BYTES);
    expect(sessionCookieLength(sessionTokenLength(2192))).toBeGreaterThan(COOKIE_LIMIT_BYTES);
  });

});

describe('decoding refuses, never throws', () => {
  const cases: Array<[string, () => string | Promise<string>, readonly SessionKey[], string]> = [
    ['garbage', async () => 'not a token at all', [keyA], 'malformed'],
    ['empty parts', async () => '..', [keyA], 'malformed'],
    ['two parts', async () => (await encodeSession({ a: 1 }, keyA)).split('.').slice(0, 2).join('.'), [keyA], 'malformed'],
    ['a truncated signature', async () => (await encodeSession({ a: 1 }, keyA)).slice(0, -5), [keyA], 'signature'],
    ['a truncated token', async () => (await encodeSession({ a: 1 }, keyA)).slice(0, 60), [keyA], 'malformed'],
    ['a huge token', async () => `${'a'.repeat(20_000)}.b.c`, [keyA], 'malformed'],
    ['alg none', async () => `${base64url.encode('{"alg":"none","typ":"JWT"}')}.${(await encodeSession({ a: 1 }, keyA)).split('.')[1]}.`, [keyA], 'malformed'],
    [
      'an extra header field',
      async () => {
        const [, claims] = (await encodeSession({ a: 1 }, keyA)).split('.');
        return new SignJWT(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as Record<string, string>).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'x' }).sign(keyA.sign);
      },
      [keyA],
      'malformed',
    ],
    ['a foreign or rotated-out key', () => encodeSession({ a: 1 }, keyB), [keyA], 'signature'],
    [
      'a tampered payload',
      async () => {
        const [header, claims, signature] = (await encodeSession({ admin: false }, keyA)).split('.');
        const changed = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as Record<string, string>;
        changed['payload'] = `A${(changed['payload'] ?? '').slice(1)}`;
        return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
      },
      [keyA],
      'signature',
    ],
    ['a signature that is good but a payload encrypted with another key', () => encodeSession({ a: 1 }, { sign: keyA.sign, encrypt: keyB.encrypt }), [keyA], 'decryption'],
    ['an array session', () => encodeSession(['x'] as unknown as Record<string, unknown>, keyA), [keyA], 'not-an-object'],
  ];

  it.each(cases)('%s', async (_name, makeToken, keys, reason) => {
    expect(await decodeSession(await makeToken(), keys)).toEqual({ ok: false, reason });
  });

  it('decodes with any configured key and says which one', async () => {
    const old = await encodeSession({ from: 'A' }, keyA);
    expect(await decodeSession(old, [keyB, keyA])).toMatchObject({ ok: true, session: { from: 'A' }, keyIndex: 1 });
  });
});
