import { describe, expect, it } from '@jest/globals';
import './helpers/project-session-data.js';
import { CtpSession, SessionNestedObjectError, SessionValueNotJsonError, type SettableSessionKey } from '../src/index.js';

// Project code written in JavaScript (or cast around the types) can hand over anything: the run-time check is the guard.
const setUnchecked = (session: CtpSession, key: string, value: unknown): void =>
  session.set(key as SettableSessionKey, value as never);

describe('values must be references', () => {
  it('accepts strings, finite numbers, booleans, null and arrays of them', () => {
    const session = new CtpSession();
    const accepted: Record<string, unknown> = {
      s: 'text 😀', n: -1.5, zero: 0, t: true, f: false, nil: null, list: ['a', 1, false, null], empty: [],
    };
    for (const [key, value] of Object.entries(accepted)) setUnchecked(session, key, value);
    expect(session.toSessionData()).toEqual(accepted);
  });

  it('refuses a nested object with an error naming the key and telling to store its id', () => {
    const session = new CtpSession({ cartId: 'c' });
    const error = captured(() => setUnchecked(session, 'cart', { id: 'cart-1', lineItems: [] }));
    expect(error).toBeInstanceOf(SessionNestedObjectError);
    expect(error).toMatchObject({ code: 'SESSION_NESTED_OBJECT', key: 'cart', path: 'cart' });
    expect(error.message).toContain('"cart"');
    expect(error.message).toContain('store its id instead');
    expect(session.toSessionData()).toEqual({ cartId: 'c' });
  });

  it('refuses objects and arrays inside arrays, naming the position', () => {
    const session = new CtpSession();
    expect(captured(() => setUnchecked(session, 'items', ['a', { id: 1 }]))).toMatchObject({ code: 'SESSION_NESTED_OBJECT', path: 'items[1]' });
    expect(captured(() => setUnchecked(session, 'matrix', [[1, 2]]))).toMatchObject({ code: 'SESSION_NESTED_OBJECT', path: 'matrix[0]' });
    expect(captured(() => setUnchecked(session, 'empty', {}))).toBeInstanceOf(SessionNestedObjectError);
  });

  it('refuses an object under a known id key as an invalid value', () => {
    const session = new CtpSession();
    expect(() => { session.cartId = { id: 'c' } as unknown as string; }).toThrow(expect.objectContaining({ code: 'SESSION_INVALID_VALUE', key: 'cartId' }));
  });

  it('treats a top-level undefined as absence, as JSON.stringify does', () => {
    const session = new CtpSession({ rewardPoints: 1 });
    setUnchecked(session, 'rewardPoints', undefined);
    setUnchecked(session, 'neverThere', undefined);
    expect(session.toSessionData()).toEqual({});
    expect(Object.keys(session.toSessionData())).toEqual([]);
  });
});

describe('non-JSON values are refused clearly', () => {
  const cyclicArray: unknown[] = ['a'];
  cyclicArray.push(cyclicArray);
  const cyclicObject: Record<string, unknown> = { id: 'x' };
  cyclicObject['self'] = cyclicObject;
  // eslint-disable-next-line no-sparse-arrays
  const sparse = ['a', , 'c'];

  it.each([
    ['a function', () => 'x', 'function'],
    ['a function in an array', ['a', () => 'x'], 'function'],
    ['undefined in an array', ['a', undefined], 'undefined'],
    ['a hole in an array', sparse, 'hole'],
    ['a BigInt', 10n, 'BigInt'],
    ['a BigInt in an array', [1n], 'BigInt'],
    ['NaN', Number.NaN, 'finite'],
    ['Infinity', Number.POSITIVE_INFINITY, 'finite'],
    ['-Infinity in an array', [Number.NEGATIVE_INFINITY], 'finite'],
    ['a symbol', Symbol('s'), 'symbol'],
    ['a cyclic array', cyclicArray, 'cycle'],
    ['a cyclic object', cyclicObject, 'cycle'],
    ['a Date', new Date(0), 'Date instance'],
    ['a Map', new Map(), 'Map instance'],
    ['an object with toJSON', { toJSON: () => 'x' }, 'function'],
  ])('%s', (_label, value, reason) => {
    const session = new CtpSession({ rewardPoints: 1 });
    const error = captured(() => setUnchecked(session, 'bad', value));
    expect(error).toBeInstanceOf(SessionValueNotJsonError);
    expect(error).toMatchObject({ code: 'SESSION_VALUE_NOT_JSON', key: 'bad' });
    expect(error.message).toContain(reason);
    expect(error.message).toContain('"bad"');
    expect(session.toSessionData()).toEqual({ rewardPoints: 1 });
    expect(session.changed).toBe(false);
  });
});

function captured(action: () => void): Error & Record<string, unknown> {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected an error, none was thrown');
}
