import { describe, expect, it } from '@jest/globals';
import './helpers/project-session-data.js';
import {
  SessionReadOnlyError,
  hasValidToken,
  readSession,
  type DataSourceContext,
  type DataSourceHandler,
  type DynamicPageHandler,
  type ReadonlySessionData,
} from '../src/index.js';

const token = { accessToken: 'at-1', refreshToken: 'rt-1', expirationTime: 2_000 };
const incoming = { token, customerId: 'customer-1', cartId: 'cart-1', wishlistIds: ['w-1', 'w-2'], foreign: { nested: [{ deep: 1 }] } };

describe('readSession gives a typed read-only view', () => {
  it('reads every key, typed, with destructuring and JSON', () => {
    const session = readSession(incoming);
    const { customerId, cartId, token: t } = session;
    expect([customerId, cartId, t?.accessToken]).toEqual(['customer-1', 'cart-1', 'at-1']);
    const ids: readonly string[] | undefined = session.wishlistIds;
    expect(ids?.map((id) => id.toUpperCase())).toEqual(['W-1', 'W-2']);
    expect(Array.isArray(session.wishlistIds)).toBe(true);
    expect(JSON.parse(JSON.stringify(session))).toEqual(incoming);
    expect(Object.keys(session)).toEqual(Object.keys(incoming));
    expect({ ...session }).toEqual(incoming);
    expect(hasValidToken(session, 1_000)).toBe(true);
    expect(hasValidToken(session, 2_000)).toBe(false);
  });

  it.each<[string, (session: ReadonlySessionData) => void]>([
    ['assign a top-level key', (s) => { (s as { cartId?: string }).cartId = 'x'; }],
    ['add a new key', (s) => { (s as Record<string, unknown>)['added'] = 1; }],
    ['delete a key', (s) => { delete (s as { cartId?: string }).cartId; }],
    ['assign inside the token', (s) => { (s.token as { expirationTime: number }).expirationTime = 9e15; }],
    ['delete inside the token', (s) => { delete (s.token as { refreshToken?: string }).refreshToken; }],
    ['push to an array', (s) => { (s.wishlistIds as string[]).push('w-3'); }],
    ['assign an array element', (s) => { (s.wishlistIds as string[])[0] = 'w-0'; }],
    ['truncate an array', (s) => { (s.wishlistIds as string[]).length = 0; }],
    ['sort an array', (s) => { (s.wishlistIds as string[]).sort(); }],
    ['change a deeply nested unknown value', (s) => { ((s as unknown as typeof incoming).foreign.nested[0] as { deep: number }).deep = 2; }],
    ['defineProperty', (s) => { Object.defineProperty(s, 'cartId', { value: 'x' }); }],
    ['setPrototypeOf', (s) => { Object.setPrototypeOf(s, null); }],
    ['preventExtensions', (s) => { Object.preventExtensions(s); }],
    ['Object.assign', (s) => { Object.assign(s, { cartId: 'x' }); }],
    ['write through a property descriptor value', (s) => { (Object.getOwnPropertyDescriptor(s, 'wishlistIds')?.value as string[]).push('x'); }],
  ])('refuses to %s with SessionReadOnlyError', (_label, mutate) => {
    const session = readSession(incoming);
    let thrown: unknown;
    try {
      mutate(session);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SessionReadOnlyError);
    expect(thrown).toMatchObject({ code: 'SESSION_READ_ONLY' });
    expect(JSON.parse(JSON.stringify(session))).toEqual(incoming);
  });

  it('is a type error to assign (deeply readonly type)', () => {
    const session = readSession(incoming);
    expect(() => {
      // @ts-expect-error the view is readonly.
      session.cartId = 'x';
    }).toThrow(SessionReadOnlyError);
    expect(() => {
      // @ts-expect-error nested arrays are readonly too.
      session.wishlistIds?.push('x');
    }).toThrow(SessionReadOnlyError);
  });

  it('does not change or freeze the request’s own object', () => {
    const source = structuredClone(incoming);
    const session = readSession(source);
    source.cartId = 'changed-by-owner';
    source.wishlistIds.push('w-3');
    expect(session.cartId).toBe('cart-1');
    expect(session.wishlistIds).toEqual(['w-1', 'w-2']);
    expect(Object.isFrozen(source)).toBe(false);
  });

  it('drops invalid known keys as CtpSession does and survives any malformed input', () => {
    expect({ ...readSession({ cartId: 5, customerId: 'c', token: { accessToken: 1 } }) }).toEqual({ customerId: 'c' });
    for (const malformed of [undefined, null, 'x', 3, [1, 2], true]) {
      expect({ ...readSession(malformed) }).toEqual({});
    }
  });

  it('a data source and a dynamic page handler read it and can produce no session write', async () => {
    const dataSource: DataSourceHandler = (_config, context: DataSourceContext) => {
      const { cartId } = readSession(context.request?.sessionData);
      return { dataSourcePayload: { cartId: cartId ?? null } };
    };
    const result = await dataSource(
      { dataSourceId: 'd', type: 'example/cart', name: 'cart', configuration: {} },
      { request: { method: 'GET', path: '/', query: {}, sessionData: incoming } },
    );
    expect(result).toEqual({ dataSourcePayload: { cartId: 'cart-1' } });
    expect('sessionData' in result).toBe(false);

    const dynamicPage: DynamicPageHandler = (request) => {
      const session = readSession(request.sessionData);
      return session.customerId === undefined ? { redirectLocation: '/login' } : { dynamicPageType: 'example/account', dataSourcePayload: { customerId: session.customerId } };
    };
    expect(await dynamicPage({ method: 'GET', path: '/account', query: {}, sessionData: incoming }, {})).toEqual({ dynamicPageType: 'example/account', dataSourcePayload: { customerId: 'customer-1' } });
    expect(await dynamicPage({ method: 'GET', path: '/account', query: {} }, {})).toEqual({ redirectLocation: '/login' });
  });
});
