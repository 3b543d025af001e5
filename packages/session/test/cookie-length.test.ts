import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  MAX_SESSION_JSON_BYTES,
  SESSION_COOKIE_LIMIT,
  SESSION_COOKIE_NAME,
  SESSION_ENVELOPE_BYTES,
  sessionCookieLength,
  sessionCookieLengthForJsonBytes,
  utf8ByteLength,
} from '../src/index.js';
import { cookieBytes, decodeProductionToken, encodeProductionToken, randomTokenKeys } from './helpers/production-token.js';

const keys = randomTokenKeys();

const realCookieLength = async (sessionData: unknown): Promise<number> => cookieBytes(await encodeProductionToken(sessionData, keys));

// Strings mixing ASCII, 2-byte (é), 3-byte (CJK, combining marks) and 4-byte (emoji) UTF-8 characters.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('é', 'ß', '日', '本', '語', 'e\u0301', 'a\u0308\u0323', '😀', '👩‍👩‍👧', '🇩🇪', '"', '\\', '\n', '\u2028', '\u0000'), maxLength: 40 }),
);
const scalar = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));
const sessionValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 8 }));
const token = fc.record(
  { accessToken: fc.string({ minLength: 1, maxLength: 60 }), refreshToken: fc.string({ maxLength: 60 }), expirationTime: fc.integer({ min: 0, max: 2 ** 45 }) },
  { requiredKeys: ['accessToken', 'expirationTime'] },
);
const session = fc.record(
  {
    token,
    customerId: text,
    cartId: fc.uuid(),
    lastOrderId: fc.uuid(),
    project: fc.dictionary(text, sessionValue, { maxKeys: 12 }),
  },
  { requiredKeys: [] },
).map(({ project, ...known }) => ({ ...project, ...known }));

describe('sessionCookieLength matches a real production-format encoder to the byte', () => {
  it('for many random sessions, multi-byte UTF-8 included', async () => {
    await fc.assert(
      fc.asyncProperty(session, async (sessionData) => {
        expect(sessionCookieLength(sessionData)).toBe(await realCookieLength(sessionData));
      }),
      { numRuns: 400, seed: 20261122 },
    );
  });

  it('for explicit emoji, CJK and combining-mark sessions', async () => {
    const samples = [
      {},
      { cartId: '日本語のカート' },
      { note: 'e\u0301\u0301\u0301', flags: ['🇩🇪', '👩‍👩‍👧', '😀'] },
      { '键': '值', '😀': ['😀', null, true, 1.5e-7] },
      { lone: '\ud800', pair: '\ud83d\ude00', reversed: '\ude00\ud83d' },
    ];
    for (const sample of samples) expect(sessionCookieLength(sample)).toBe(await realCookieLength(sample));
  });

  it('for every session JSON length from 2 to 2600 bytes (each base64 step)', async () => {
    for (let length = 2; length <= 2600; length++) {
      // {"p":"…"} is 8 bytes of structure plus the padding.
      const sessionData = length >= 8 ? { p: 'x'.repeat(length - 8) } : {};
      const jsonBytes = Buffer.byteLength(JSON.stringify(sessionData));
      if (jsonBytes !== length) continue;
      expect(sessionCookieLengthForJsonBytes(jsonBytes)).toBe(await realCookieLength(sessionData));
    }
  });

  it('the reference encoder is a real round trip (so the comparison means something)', async () => {
    const sessionData = { cartId: 'c-1', emoji: '😀', list: [1, 'a', null] };
    const encoded = await encodeProductionToken(sessionData, keys);
    expect(encoded.split('.')).toHaveLength(3);
    expect(encoded.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await expect(decodeProductionToken(encoded, keys)).resolves.toEqual(sessionData);
  });
});

describe('the 4096-byte boundary', () => {
  const padded = (length: number): { pad: string } => ({ pad: 'a'.repeat(length) });

  it('the largest session that fits and the smallest that does not, found by binary search on the real encoder', async () => {
    let fits = 0;
    let tooLarge = 4096;
    while (tooLarge - fits > 1) {
      const middle = Math.floor((fits + tooLarge) / 2);
      if ((await realCookieLength(padded(middle))) <= SESSION_COOKIE_LIMIT) fits = middle;
      else tooLarge = middle;
    }
    const largest = padded(fits);
    const smallest = padded(tooLarge);
    const largestReal = await realCookieLength(largest);
    const smallestReal = await realCookieLength(smallest);
    expect(sessionCookieLength(largest)).toBe(largestReal);
    expect(sessionCookieLength(smallest)).toBe(smallestReal);
    expect(largestReal).toBeLessThanOrEqual(SESSION_COOKIE_LIMIT);
    expect(smallestReal).toBeGreaterThan(SESSION_COOKIE_LIMIT);
    // The cookie grows in steps of 4 base64url characters per 3 claim bytes; exactly 4096 is not reachable.
    expect(largestReal).toBe(4095);
    expect(smallestReal).toBe(4101);
    expect(Buffer.byteLength(JSON.stringify(largest))).toBe(MAX_SESSION_JSON_BYTES);
    expect(MAX_SESSION_JSON_BYTES).toBe(2191);
  });

  it('the same boundary with 4-byte characters (emoji) in the padding', async () => {
    // {"pad":"…"} is 10 bytes of structure; 2191 - 10 = 2181 = 545 emoji (2180 bytes) + 1 ASCII byte.
    const fitting = { pad: '😀'.repeat(545) + 'a' };
    const overflowing = { pad: '😀'.repeat(545) + 'ab' };
    expect(Buffer.byteLength(JSON.stringify(fitting))).toBe(2191);
    expect(sessionCookieLength(fitting)).toBe(await realCookieLength(fitting));
    expect(sessionCookieLength(overflowing)).toBe(await realCookieLength(overflowing));
    expect(sessionCookieLength(fitting)).toBeLessThanOrEqual(SESSION_COOKIE_LIMIT);
    expect(sessionCookieLength(overflowing)).toBeGreaterThan(SESSION_COOKIE_LIMIT);
  });

  it('exports the cookie name the formula counts', () => {
    expect(SESSION_COOKIE_NAME).toBe('frontastic-session');
    expect(sessionCookieLengthForJsonBytes(2)).toBe(SESSION_COOKIE_NAME.length + 189);
    // The hub's lifetime envelope is counted: 10 bytes in front of the JSON, inside the encrypted payload.
    expect(SESSION_ENVELOPE_BYTES).toBe(10);
  });
});

describe('utf8ByteLength', () => {
  it('equals Node’s UTF-8 byte count for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })), (value) => {
        expect(utf8ByteLength(value)).toBe(Buffer.byteLength(value, 'utf8'));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('counts each width class', () => {
    expect(utf8ByteLength('a')).toBe(1);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('日')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('e\u0301')).toBe(3);
    expect(utf8ByteLength('\ud800')).toBe(3);
    expect(utf8ByteLength('\ud800x')).toBe(4);
  });
});
