import { describe, expect, it } from '@jest/globals';
import { cookieSettled, type CookieStoreReader } from '../src/cookie-settled.js';

/** A cookie store that catches up with the document after `lag` looks, as the browser's does after a write. */
function lagging(doc: { cookie: string }, name: string, lag: number): CookieStoreReader & { looks: number } {
  const store = {
    looks: 0,
    stale: 'old-token' as string | undefined,
    async get(asked: string) {
      expect(asked).toBe(name);
      store.looks++;
      if (store.looks <= lag) return store.stale === undefined ? null : { value: store.stale };
      const pair = doc.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
      return pair === undefined ? null : { value: pair.slice(name.length + 1) };
    },
  };
  return store;
}

describe('cookieSettled', () => {
  it('waits until the cookie store holds the value the document shows', async () => {
    const doc = { cookie: 'other=1; frontastic-session=new.token.value' };
    const store = lagging(doc, 'frontastic-session', 3);
    await expect(cookieSettled('frontastic-session', { document: doc, cookieStore: store })).resolves.toBe(true);
    expect(store.looks).toBe(4);
  });

  it('a deleted cookie is settled once the store holds none either', async () => {
    const doc = { cookie: 'other=1' };
    const store = lagging(doc, 'frontastic-session', 2);
    await expect(cookieSettled('frontastic-session', { document: doc, cookieStore: store })).resolves.toBe(true);
    expect(store.looks).toBe(3);
  });

  it('with one cookie of the name per path, the store holding any of them counts', async () => {
    const doc = { cookie: 'frontastic-session=deep.path.one; frontastic-session=root.path.one' };
    const store: CookieStoreReader = { get: async () => ({ value: 'root.path.one' }) };
    await expect(cookieSettled('frontastic-session', { document: doc, cookieStore: store })).resolves.toBe(true);
  });

  it('gives up after maxChecks looks (false), never hangs', async () => {
    const doc = { cookie: 'frontastic-session=new.token.value' };
    const store = lagging(doc, 'frontastic-session', Number.POSITIVE_INFINITY);
    await expect(cookieSettled('frontastic-session', { document: doc, cookieStore: store, maxChecks: 5 })).resolves.toBe(false);
    expect(store.looks).toBe(5);
  });

  it('a store that cannot be read (an opaque origin) resolves to false at once', async () => {
    const store: CookieStoreReader = { get: () => Promise.reject(new DOMException('denied', 'SecurityError')) };
    await expect(cookieSettled('frontastic-session', { document: { cookie: '' }, cookieStore: store })).resolves.toBe(false);
  });

  it('without the Cookie Store API (Node, server rendering) resolves to false at once', async () => {
    await expect(cookieSettled('frontastic-session')).resolves.toBe(false);
  });
});
