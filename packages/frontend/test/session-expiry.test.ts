import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SDK } from '@commercetools/frontend-sdk';
import { decodeSession, deriveSessionKey, encodeSession, type SessionKey } from '@ctp-session/hub';
import { configureFetchApiHub } from '../lib/fetch-api-hub.js';
import { queuedAction } from '../lib/queued-action.js';
import { queuedSdkAction } from '../lib/queued-sdk-action.js';
import { onSessionEvent, type SessionEvent } from '../lib/session-channel.js';
import { readSessionToken } from '../lib/session-cookie.js';
import type { Account, Cart } from '../lib/shop-types.js';
import { startStore, type Store } from '@ctp-session/store';
import { CookieJar } from './support/cookie-jar.js';

// The store as `yarn start` runs it (hub, bundle, embedded platform), without the Next.js frontend:
// these tests are the browser's side, with a cookie jar for `document` and the real frontend-sdk.
let store: Store;
let key: SessionKey;
let jar: CookieJar;
let sdk: SDK<Record<string, never>>;
let events: SessionEvent[];
let stopListening: () => void;
const globals = globalThis as { window?: unknown; document?: unknown };

beforeAll(async () => {
  store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true, frontend: false });
  key = await deriveSessionKey(store.sessionSecret);
  sdk = new SDK();
  sdk.configure({ endpoint: store.hubUrl, locale: 'en_US', currency: 'EUR', extensionVersion: 'test' });
  stopListening = onSessionEvent((event) => events.push(event));
}, 120_000);

afterAll(async () => {
  stopListening();
  await store?.close();
});

beforeEach(() => {
  // The SDK's cookie handler works on `document.cookie` whenever `window` exists, as in a browser.
  jar = new CookieJar();
  globals.window = globalThis;
  globals.document = jar;
  configureFetchApiHub({ endpoint: store.hubUrl, cookies: jar });
  events = [];
});

afterEach(() => {
  delete globals.window;
  delete globals.document;
});

/** A customer whose token expired and whose refresh token commercetools no longer accepts. */
function expiredCustomerCookie(): string {
  const token = encodeSession(
    {
      token: { accessToken: 'expired-access', refreshToken: 'revoked-refresh', expirationTime: Date.now() - 1_000 },
      customerId: 'c-1',
      cartId: 'cart-1',
      cartVersion: 3,
      rewardPoints: 70,
    },
    key,
  );
  return `frontastic-session=${token}; Path=/`;
}

function sessionInJar(): unknown {
  const decoded = decodeSession(readSessionToken(jar) ?? '', [key]);
  return decoded.ok ? decoded.session : undefined;
}

describe('SESSION_EXPIRED never sticks', () => {
  it('through fetchApiHub: the signed-out session the 401 carries is stored, the session ends everywhere, and the next action works as a guest', async () => {
    jar.cookie = expiredCustomerCookie();
    const error = await queuedAction('/action/account/getAccount').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    // The customer part is gone; what was not the customer's stays.
    expect(sessionInJar()).toEqual({ rewardPoints: 70 });
    expect(events).toContainEqual({ kind: 'ended', reason: 'expired' });

    const cart = await queuedAction<Cart>('/action/cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    expect(cart.itemCount).toBe(1);
    await expect(queuedAction<Account>('/action/account/getAccount')).resolves.toEqual({ loggedIn: false });
    expect(sessionInJar()).toMatchObject({ rewardPoints: 70, cartId: cart.id });
  });

  it('the frontend-sdk alone stays stuck: it stores no session from the 401, so every later call fails the same way', async () => {
    jar.cookie = expiredCustomerCookie();
    const before = readSessionToken(jar);
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await sdk.callAction({ actionName: 'account/getAccount' });
      expect(answer.isError).toBe(true);
      expect(answer.isError && (answer.error as { error?: { code?: string } }).error?.code).toBe('SESSION_EXPIRED');
      expect(readSessionToken(jar)).toBe(before);
    }
  });

  it('through the frontend-sdk in the queue (queuedSdkAction): the dead cookie is deleted, the session ends everywhere, and the next action works as a guest', async () => {
    jar.cookie = expiredCustomerCookie();
    const error = await queuedSdkAction(sdk, { actionName: 'account/getAccount' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 0, message: expect.stringMatching(/Sign in again/) });
    expect(readSessionToken(jar)).toBeUndefined();
    expect(events).toContainEqual({ kind: 'ended', reason: 'expired' });

    const cart = await queuedSdkAction<Cart>(sdk, { actionName: 'cart/addToCart', payload: { sku: 'LAMP-READ-01' } });
    expect(cart.itemCount).toBe(1);
    await expect(queuedSdkAction<Account>(sdk, { actionName: 'account/getAccount' })).resolves.toEqual({ loggedIn: false });
    expect(sessionInJar()).toMatchObject({ cartId: cart.id });
  });
});

describe('bad cookies never stick', () => {
  it('the frontend-sdk alone fails on a bad % escape before it sends anything, on every call', async () => {
    jar.cookie = 'frontastic-session=%E0%A4%A; Path=/';
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await sdk.callAction({ actionName: 'cart/getCart' });
      expect(answer.isError).toBe(true);
      // The SDK's ActionError copies the URIError's own fields: its message, not its name.
      expect(answer.isError && answer.error.message).toMatch(/URI malformed/);
    }
    expect(jar.get('frontastic-session')).toBe('%E0%A4%A');
  });

  it.each([
    ['a bad % escape', '%E0%A4%A'],
    ['a value that is not a token', 'not-a-token'],
  ])('%s: through either client in the queue the action works, as a new guest, and the answer overwrites it', async (_name, value) => {
    jar.cookie = `frontastic-session=${value}; Path=/`;
    const viaSdk = await queuedSdkAction<Cart>(sdk, { actionName: 'cart/addToCart', payload: { sku: 'MUG-ENAMEL-01' } });
    expect(viaSdk.itemCount).toBe(1);
    expect(sessionInJar()).toMatchObject({ cartId: viaSdk.id });

    jar.cookie = `frontastic-session=${value}; Path=/`;
    const viaFetch = await queuedAction<Cart>('/action/cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    expect(viaFetch.itemCount).toBe(1);
    expect(viaFetch.id).not.toBe(viaSdk.id);
    expect(sessionInJar()).toMatchObject({ cartId: viaFetch.id });
  });
});
