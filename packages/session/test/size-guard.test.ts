import { describe, expect, it } from '@jest/globals';
import {
  MAX_SESSION_JSON_BYTES,
  SESSION_COOKIE_LIMIT,
  SessionError,
  SessionTooLargeError,
  SessionValueNotJsonError,
  assertSessionFits,
  sessionCookieLength,
} from '../src/index.js';

const tooLarge = { cartId: 'cart-1', big: 'b'.repeat(1500), medium: 'm'.repeat(800), small: 's'.repeat(10), tiny: 1 };

describe('assertSessionFits', () => {
  it('returns the cookie length of a session that fits', () => {
    const session = { cartId: 'cart-1' };
    expect(assertSessionFits(session)).toBe(sessionCookieLength(session));
    expect(SESSION_COOKIE_LIMIT).toBe(4096);
  });

  it('refuses an over-size session with the size, the limit and the largest keys', () => {
    let caught: unknown;
    try {
      assertSessionFits(tooLarge);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SessionTooLargeError);
    expect(caught).toBeInstanceOf(SessionError);
    const error = caught as SessionTooLargeError;
    expect(error.name).toBe('SessionTooLargeError');
    expect(error.code).toBe('SESSION_TOO_LARGE');
    expect(error.size).toBe(sessionCookieLength(tooLarge));
    expect(error.limit).toBe(4096);
    expect(error.largestKeys).toEqual([
      { key: 'big', bytes: '"big":"",'.length + 1500 },
      { key: 'medium', bytes: '"medium":"",'.length + 800 },
      { key: 'small', bytes: '"small":"",'.length + 10 },
    ]);
    expect(error.message).toContain(`${error.size}-byte`);
    expect(error.message).toContain('4096');
    expect(error.message).toContain('big (1509 B), medium (812 B), small (21 B)');
    expect(error.message).toContain('Store references');
  });

  it('counts key sizes in UTF-8 bytes', () => {
    const error = (() => {
      try {
        assertSessionFits({ emoji: '😀'.repeat(600) });
      } catch (caught) {
        return caught as SessionTooLargeError;
      }
      throw new Error('expected SessionTooLargeError');
    })();
    expect(error.largestKeys).toEqual([{ key: 'emoji', bytes: '"emoji":"",'.length + 2400 }]);
  });

  it('accepts a lower limit for callers that want headroom', () => {
    expect(() => assertSessionFits({ cartId: 'c'.repeat(100) }, 300)).toThrow(SessionTooLargeError);
    expect(assertSessionFits({ cartId: 'c' }, 300)).toBeLessThanOrEqual(300);
  });

  it('the documented maximum is about 2.2 KB of JSON, far below 4 KB', () => {
    expect(MAX_SESSION_JSON_BYTES).toBe(2191);
    expect(() => assertSessionFits({ p: 'x'.repeat(MAX_SESSION_JSON_BYTES - 8) })).not.toThrow();
    expect(() => assertSessionFits({ p: 'x'.repeat(MAX_SESSION_JSON_BYTES - 7) })).toThrow(SessionTooLargeError);
  });

  it('refuses a session that JSON cannot encode with SessionValueNotJsonError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => sessionCookieLength(cyclic)).toThrow(SessionValueNotJsonError);
    expect(() => assertSessionFits({ n: 1n })).toThrow(SessionValueNotJsonError);
  });
});
