import { describe, expect, it } from '@jest/globals';
import './helpers/project-session-data.js';
import {
  CtpSession,
  SessionCustomerIdError,
  SessionInvalidValueError,
  type CtpAuthToken,
  type SessionData,
} from '../src/index.js';

const token: CtpAuthToken = { accessToken: 'at-1', refreshToken: 'rt-1', expirationTime: 1_700_000_000_000 };
const full: SessionData = { token, customerId: 'customer-1', cartId: 'cart-1', lastOrderId: 'order-1' };

describe('CtpSession reads', () => {
  it('exposes token, customerId, cartId and lastOrderId', () => {
    const session = new CtpSession(full);
    expect(session.token).toEqual(token);
    expect(session.customerId).toBe('customer-1');
    expect(session.cartId).toBe('cart-1');
    expect(session.lastOrderId).toBe('order-1');
  });

  it('works with destructuring (prototype getters are read through [[Get]])', () => {
    class CartService {
      constructor(private readonly ctpSession: CtpSession) {}
      describe(): string {
        const { token: t, customerId, cartId, lastOrderId } = this.ctpSession;
        return [t?.accessToken, customerId, cartId, lastOrderId].join('|');
      }
    }
    expect(new CartService(new CtpSession(full)).describe()).toBe('at-1|customer-1|cart-1|order-1');
    expect(Object.keys(new CtpSession(full))).toEqual([]);
  });

  it('starts empty from undefined, null or {}', () => {
    for (const input of [undefined, null, {}]) {
      const session = new CtpSession(input);
      expect(session.toSessionData()).toEqual({});
      expect(session.changed).toBe(false);
      expect(session.repairs).toEqual([]);
    }
  });

  it('does not share state between instances (no module-level session)', () => {
    const first = new CtpSession({ cartId: 'a' });
    const second = new CtpSession({ cartId: 'b' });
    first.cartId = 'changed';
    expect(second.cartId).toBe('b');
    expect(new CtpSession().cartId).toBeUndefined();
  });

  it('does not modify the object it was built from', () => {
    const incoming = { cartId: 'cart-1', wishlistIds: ['w1'], token: { ...token } };
    const snapshot = structuredClone(incoming);
    const session = new CtpSession(incoming);
    session.cartId = 'cart-2';
    session.set('wishlistIds', ['w2']);
    session.clear();
    expect(incoming).toEqual(snapshot);
    expect(Object.isFrozen(incoming.wishlistIds)).toBe(false);
  });
});

describe('CtpSession writes', () => {
  it('sets and removes cartId, lastOrderId and token; undefined removes the key', () => {
    const session = new CtpSession(full);
    session.cartId = 'cart-2';
    session.lastOrderId = undefined;
    session.token = { accessToken: 'at-2', expirationTime: 5 };
    expect(session.toSessionData()).toEqual({ token: { accessToken: 'at-2', expirationTime: 5 }, customerId: 'customer-1', cartId: 'cart-2' });
    session.token = undefined;
    session.cartId = undefined;
    expect(session.toSessionData()).toEqual({ customerId: 'customer-1' });
    expect('cartId' in session.toSessionData()).toBe(false);
  });

  it('reads and writes project keys with their declared types', () => {
    const session = new CtpSession({ rewardPoints: 10 });
    const points: number | undefined = session.get('rewardPoints');
    expect(points).toBe(10);
    session.set('rewardPoints', 70);
    session.set('wishlistIds', ['w-1', 'w-2']);
    session.set('newsletter', null);
    expect(session.get('rewardPoints')).toBe(70);
    expect(session.get('wishlistIds')).toEqual(['w-1', 'w-2']);
    expect(session.get('newsletter')).toBeNull();
    session.set('rewardPoints', undefined);
    expect(session.toSessionData()).toEqual({ wishlistIds: ['w-1', 'w-2'], newsletter: null });
  });

  it('accepts what it hands out (readonly values) back in set', () => {
    const session = new CtpSession({ wishlistIds: ['w-1'], token });
    const ids = session.get('wishlistIds');
    session.set('wishlistIds', ids);
    session.set('wishlistIds', [...(ids ?? []), 'w-2']);
    session.token = session.token;
    expect(session.toSessionData()).toEqual({ wishlistIds: ['w-1', 'w-2'], token });
  });

  it('copies and freezes arrays so later changes to the caller’s array cannot slip in', () => {
    const session = new CtpSession();
    const ids = ['w-1'];
    session.set('wishlistIds', ids);
    ids.push('w-2');
    expect(session.get('wishlistIds')).toEqual(['w-1']);
    expect(Object.isFrozen(session.get('wishlistIds'))).toBe(true);
    expect(Object.isFrozen(session.token)).toBe(true);
  });

  it('keeps keys it does not know untouched, nested values included', () => {
    const foreign = { otherExtension: { nested: [1, { deep: true }] }, flag: false, list: ['a'] };
    const session = new CtpSession({ ...full, ...foreign });
    session.cartId = 'cart-2';
    session.signin({ accessToken: 'at-3', expirationTime: 9 }, 'customer-2');
    expect(session.toSessionData()).toEqual({ ...foreign, token: { accessToken: 'at-3', expirationTime: 9 }, customerId: 'customer-2', cartId: 'cart-2', lastOrderId: 'order-1' });
  });

  it('tracks whether anything changed; writing the same value is no change', () => {
    const session = new CtpSession(full);
    session.cartId = 'cart-1';
    session.token = { ...token };
    session.set('rewardPoints', undefined);
    expect(session.changed).toBe(false);
    session.cartId = 'cart-2';
    expect(session.changed).toBe(true);
  });

  it('refuses wrong types for known keys with SessionInvalidValueError', () => {
    const session = new CtpSession(full);
    const attempts: Array<() => void> = [
      () => { session.cartId = 42 as unknown as string; },
      () => { session.cartId = ''; },
      () => { session.lastOrderId = { id: 'o' } as unknown as string; },
      () => { session.token = { accessToken: '', expirationTime: 1 }; },
      () => { session.token = { accessToken: 'a', expirationTime: Number.NaN }; },
      () => { session.token = { accessToken: 'a', expirationTime: '2030' as unknown as number }; },
      () => { session.token = { accessToken: 'a', refreshToken: 5 as unknown as string, expirationTime: 1 }; },
      () => { session.token = { accessToken: 'a', expirationTime: 1, scope: 'x' } as CtpAuthToken; },
      () => { session.token = 'at' as unknown as CtpAuthToken; },
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(SessionInvalidValueError);
    }
    expect(session.toSessionData()).toEqual(full);
    expect(session.changed).toBe(false);
    try {
      attempts[7]?.();
    } catch (error) {
      expect(error).toMatchObject({ code: 'SESSION_INVALID_VALUE', key: 'token' });
      expect((error as Error).message).toContain('scope');
    }
  });
});

describe('errors never reveal token values', () => {
  it('neither in thrown errors nor in repairs', () => {
    const secret = 'secret-access-token-value';
    const session = new CtpSession({ token: { accessToken: secret, refreshToken: secret, expirationTime: 'later' } });
    expect(JSON.stringify(session.repairs)).not.toContain(secret);
    const messages: string[] = [];
    for (const bad of [{ accessToken: secret, expirationTime: 'x' }, { accessToken: secret, refreshToken: 1, expirationTime: 1 }, { accessToken: secret, expirationTime: 1, extra: secret }]) {
      try {
        session.token = bad as unknown as CtpAuthToken;
      } catch (error) {
        messages.push(String(error), JSON.stringify(error));
      }
    }
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(message).not.toContain(secret);
  });
});

describe('customerId', () => {
  it('is set only by signin, together with the token', () => {
    const session = new CtpSession({ cartId: 'cart-1' });
    session.signin(token, 'customer-9');
    expect(session.customerId).toBe('customer-9');
    expect(session.token).toEqual(token);
    expect(session.cartId).toBe('cart-1');
  });

  it('cannot be assigned or set (type error and SessionCustomerIdError)', () => {
    const session = new CtpSession(full);
    // @ts-expect-error customerId's setter takes `never`: only signin sets it.
    expect(() => { session.customerId = 'intruder'; }).toThrow(SessionCustomerIdError);
    // @ts-expect-error 'customerId' is not a SettableSessionKey.
    expect(() => session.set('customerId', 'intruder')).toThrow(SessionCustomerIdError);
    // @ts-expect-error removing it directly is refused too: signout removes it.
    expect(() => session.set('customerId', undefined)).toThrow(expect.objectContaining({ code: 'SESSION_CUSTOMER_ID_NEEDS_SIGNIN' }));
    expect(() => Object.assign(session, { customerId: 'intruder' })).toThrow(SessionCustomerIdError);
    expect(session.customerId).toBe('customer-1');
  });

  it('signin refuses an invalid token or customer id and changes nothing', () => {
    const session = new CtpSession();
    expect(() => session.signin({ accessToken: 'a' } as CtpAuthToken, 'c')).toThrow(SessionInvalidValueError);
    expect(() => session.signin(token, '')).toThrow(SessionInvalidValueError);
    expect(() => session.signin(token, 7 as unknown as string)).toThrow(SessionInvalidValueError);
    expect(session.toSessionData()).toEqual({});
    expect(session.changed).toBe(false);
  });

  it('signout drops token, customerId, cartId and lastOrderId and keeps project keys', () => {
    const session = new CtpSession({ ...full, rewardPoints: 3, foreign: 'x' });
    session.signout();
    expect(session.toSessionData()).toEqual({ rewardPoints: 3, foreign: 'x' });
    expect(session.changed).toBe(true);
  });
});

describe('hasValidToken', () => {
  const expiry = 1_000_000;
  const session = new CtpSession({ token: { accessToken: 'a', expirationTime: expiry } });

  it('is true before expiry, false at and after it', () => {
    expect(session.hasValidToken(expiry - 1)).toBe(true);
    expect(session.hasValidToken(expiry)).toBe(false);
    expect(session.hasValidToken(expiry + 1)).toBe(false);
  });

  it('with a margin: false from expirationTime - margin on', () => {
    expect(session.hasValidToken(expiry - 60_001, 60_000)).toBe(true);
    expect(session.hasValidToken(expiry - 60_000, 60_000)).toBe(false);
    expect(session.hasValidToken(expiry - 1, 60_000)).toBe(false);
  });

  it('is false without a token and uses Date.now() by default', () => {
    expect(new CtpSession().hasValidToken(0)).toBe(false);
    expect(new CtpSession({ token: { accessToken: 'a', expirationTime: Date.now() + 3_600_000 } }).hasValidToken()).toBe(true);
    expect(new CtpSession({ token: { accessToken: 'a', expirationTime: Date.now() - 1 } }).hasValidToken()).toBe(false);
  });

  it('refuses a negative or non-finite margin and a non-finite now', () => {
    expect(() => session.hasValidToken(0, -1)).toThrow(SessionInvalidValueError);
    expect(() => session.hasValidToken(0, Number.NaN)).toThrow(SessionInvalidValueError);
    expect(() => session.hasValidToken(Number.POSITIVE_INFINITY)).toThrow(SessionInvalidValueError);
  });
});

describe('clear', () => {
  it('empties the session, unknown keys included', () => {
    const session = new CtpSession({ ...full, foreign: 1 });
    session.clear();
    expect(session.toSessionData()).toEqual({});
    expect(session.token).toBeUndefined();
    expect(session.changed).toBe(true);
  });

  it('on an already empty session is no change', () => {
    const session = new CtpSession({});
    session.clear();
    expect(session.changed).toBe(false);
  });
});

describe('a malformed incoming session does not crash', () => {
  it.each([
    ['a string', 'not-a-session'],
    ['a number', 42],
    ['an array', [{ cartId: 'x' }]],
    ['a boolean', true],
  ])('%s becomes an empty session with a repair note', (_label, input) => {
    const session = new CtpSession(input);
    expect(session.toSessionData()).toEqual({});
    expect(session.repairs).toEqual([expect.objectContaining({ key: '', action: 'dropped' })]);
  });

  it('drops known keys of the wrong type and keeps the rest', () => {
    const session = new CtpSession({
      token: { accessToken: 5, expirationTime: 'soon' },
      customerId: 12,
      cartId: ['cart'],
      lastOrderId: '',
      rewardPoints: 4,
    });
    expect(session.toSessionData()).toEqual({ rewardPoints: 4 });
    expect(session.repairs.map((repair) => repair.key)).toEqual(['token', 'customerId', 'cartId', 'lastOrderId']);
    expect(session.changed).toBe(true);
  });

  it('trims a token with extra fields to its triple', () => {
    const session = new CtpSession({ token: { accessToken: 'a', expirationTime: 1, refreshToken: undefined, scope: 'manage' } });
    expect(session.token).toEqual({ accessToken: 'a', expirationTime: 1 });
    expect(session.repairs).toEqual([expect.objectContaining({ key: 'token', action: 'trimmed' })]);
  });

  it.each([
    ['a function', () => 1],
    ['a BigInt', 10n],
    ['NaN', Number.NaN],
    ['a symbol', Symbol('s')],
  ])('drops an unknown key holding %s', (_label, value) => {
    const session = new CtpSession({ cartId: 'c', weird: value });
    expect(session.toSessionData()).toEqual({ cartId: 'c' });
    expect(session.repairs).toEqual([expect.objectContaining({ key: 'weird', action: 'dropped' })]);
  });

  it('treats undefined values as absent, not as a repair', () => {
    const session = new CtpSession({ cartId: undefined, other: undefined });
    expect(session.toSessionData()).toEqual({});
    expect(session.repairs).toEqual([]);
  });

  it('keeps a "__proto__" key as data without touching prototypes', () => {
    const incoming = JSON.parse('{"__proto__":{"polluted":true},"cartId":"c"}') as unknown;
    const session = new CtpSession(incoming);
    const out = session.toSessionData() as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"cartId":"c"}');
  });
});
