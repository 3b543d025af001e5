import { describe, expect, it } from '@jest/globals';
import { deriveSessionKey, encodeSession, sessionCookieLength as hubCookieLength, sessionTokenLength } from '@ctp-session/hub';
import { MAX_SESSION_JSON_BYTES, SESSION_COOKIE_LIMIT, sessionCookieLength, sessionCookieLengthForJsonBytes } from '@ctp-session/session';

// The extensions refuse a session with the session library's guard; the hub issues the token. They must agree on
// every token's length to the byte, lifetime envelope included, or a session the guard let through is dropped by
// the hub (or one it would have kept is refused).
describe("the session library's size guard and the hub's tokens agree byte for byte", () => {
  it('for every session JSON length from 2 to 3000 bytes, against the hub\'s real encoder', async () => {
    const key = await deriveSessionKey('agreement-test-secret-0123456789abcdefghij');
    for (let length = 8; length <= 3000; length += 1) {
      const session = { p: 'x'.repeat(length - 8) };
      const token = encodeSession(session, key, { environment: 'production' });
      expect(sessionCookieLength(session)).toBe('frontastic-session'.length + token.length);
      expect(sessionCookieLengthForJsonBytes(length)).toBe(hubCookieLength(sessionTokenLength(length)));
    }
  });

  it('for sessions of multi-byte text, and at the limit itself', async () => {
    const key = await deriveSessionKey('agreement-test-secret-0123456789abcdefghij');
    for (const session of [{}, { cartId: '日本語のカート', note: 'e\u0301😀', token: { accessToken: 'a', refreshToken: 'r', expirationTime: 1 } }, { p: 'x'.repeat(MAX_SESSION_JSON_BYTES - 8) }]) {
      expect(sessionCookieLength(session)).toBe('frontastic-session'.length + encodeSession(session, key).length);
    }
    expect(sessionCookieLengthForJsonBytes(MAX_SESSION_JSON_BYTES)).toBeLessThanOrEqual(SESSION_COOKIE_LIMIT);
    expect(sessionCookieLengthForJsonBytes(MAX_SESSION_JSON_BYTES + 1)).toBeGreaterThan(SESSION_COOKIE_LIMIT);
    expect(MAX_SESSION_JSON_BYTES).toBe(2191);
  });
});
