import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS } from '@ctp-session/platform';
import extensions from '../src/index.js';
import type { Account } from '../src/types/Account.js';
import type { Cart } from '../src/types/Cart.js';
import { copyOfCookie, startStore, type Browser, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

const password = 'correct-horse-battery';
let counter = 0;
const newEmail = (): string => `session-end-${Date.now()}-${++counter}@example.com`;


interface TokenTriple {
  accessToken: string;
  refreshToken: string;
}

async function tokensOf(shopper: Browser): Promise<TokenTriple> {
  return (await store.sessionOf(shopper)).token as TokenTriple;
}

async function platformAccepts(accessToken: string): Promise<number> {
  return (await fetch(`${store.platform.apiUrl}/${store.platform.projectKey}/me/carts`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

async function refreshStatus(refreshToken: string): Promise<number> {
  const basic = Buffer.from(`${store.platform.clientId}:${store.platform.clientSecret}`).toString('base64');
  const answer = await fetch(`${store.platform.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
  });
  return answer.status;
}

/** Revokes a token as an administrator (or another device's logout) would, behind the shopper's back. */
async function revokeBehindTheShopper(token: string): Promise<void> {
  const basic = Buffer.from(`${store.platform.clientId}:${store.platform.clientSecret}`).toString('base64');
  const answer = await fetch(`${store.platform.authUrl}/oauth/token/revoke`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, token_type_hint: 'refresh_token' }).toString(),
  });
  if (answer.status !== 200) throw new Error(`revocation answered ${answer.status}`);
}

async function signedInCustomerWithCart(): Promise<{ shopper: Browser; email: string; cart: Cart }> {
  const shopper = store.shopper();
  const email = newEmail();
  await store.act(shopper, 'account/register', { email, password });
  const cart = await store.act<Cart>(shopper, 'cart/addToCart', { sku: 'LAMP-READ-01' });
  return { shopper, email, cart };
}

describe('logout revokes the commercetools tokens', () => {
  it("revokes the customer's refresh and access tokens with commercetools' revocation endpoint", async () => {
    const { shopper } = await signedInCustomerWithCart();
    const tokens = await tokensOf(shopper);
    const { routes } = await store.countRequests(() => store.act(shopper, 'account/logout'));
    expect(routes['POST /oauth/token/revoke']).toBe(2);
    expect(await platformAccepts(tokens.accessToken)).toBe(401);
    expect(await refreshStatus(tokens.refreshToken)).toBe(400);
    expect(await store.sessionOf(shopper)).toEqual({});
  });

  it("revokes a guest's anonymous token too", async () => {
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const tokens = await tokensOf(guest);
    await store.act(guest, 'account/logout');
    expect(await platformAccepts(tokens.accessToken)).toBe(401);
    expect(await refreshStatus(tokens.refreshToken)).toBe(400);
  });

  it('a shopper who never had a token logs out without any platform request', async () => {
    const { total } = await store.countRequests(() => store.act(store.shopper(), 'account/logout'));
    expect(total).toBe(0);
  });

  it('still clears the session when the platform cannot revoke (down), and says so in the log', async () => {
    const { shopper } = await signedInCustomerWithCart();
    store.platform.faults.set({ unavailableRate: 1 });
    try {
      expect(await store.act<Account>(shopper, 'account/logout')).toEqual({ loggedIn: false });
    } finally {
      store.platform.faults.set(NO_FAULTS);
    }
    expect(await store.sessionOf(shopper)).toEqual({});
  });
});

describe('a session replayed after logout is a guest, never the customer', () => {
  it('getAccount, addToCart and the account page all treat the replayed session as signed out', async () => {
    const { shopper, email, cart } = await signedInCustomerWithCart();
    const replay = copyOfCookie(shopper);
    const page = copyOfCookie(shopper);
    await store.act(shopper, 'account/logout');

    const account = await store.rawAction(replay, 'account/getAccount');
    expect(account.status).toBe(401);
    expect(account.json).toEqual({ error: { code: 'SESSION_EXPIRED', message: expect.any(String) } });
    // The answer rewrites the replayed session as a guest's: no customer, no token, no cart.
    expect(await store.decode(account.sessionToken)).toEqual({});

    const add = await store.rawAction(replay, 'cart/addToCart', JSON.stringify({ sku: 'PAN-CAST-26' }));
    expect(add.status).toBe(401);
    expect(await store.decode(add.sessionToken)).toEqual({});

    const handler = extensions['dynamic-page-handler'];
    const request = { method: 'POST', path: '/frontastic/page', query: { path: '/account' }, sessionData: await store.sessionOf(page) };
    const frontasticContext = {
      environment: 'development',
      project: { projectId: 'p', name: 'p', customer: 'c', configuration: {}, locales: ['en_US'], defaultLocale: 'en_US' },
      projectConfiguration: {
        EXTENSION_COMMERCETOOLS_PROJECT_KEY: store.platform.projectKey,
        EXTENSION_COMMERCETOOLS_CLIENT_ID: store.platform.clientId,
        EXTENSION_COMMERCETOOLS_CLIENT_SECRET: store.platform.clientSecret,
        EXTENSION_COMMERCETOOLS_AUTH_URL: store.platform.authUrl,
        EXTENSION_COMMERCETOOLS_HOST_URL: store.platform.apiUrl,
      },
      locale: 'en_US',
      featureFlags: {},
    };
    expect(await handler(request, { frontasticContext })).toEqual({ redirectLocation: '/login', statusCode: 302 });

    // The customer's cart got nothing from the replay.
    const again = store.shopper();
    await store.act(again, 'account/login', { email, password });
    const after = await store.act<Cart>(again, 'cart/getCart');
    expect(after.id).toBe(cart.id);
    expect(after.lineItems.map((item) => item.sku)).toEqual(['LAMP-READ-01']);
  });
});

describe('tokens revoked mid-flow leave nobody stuck', () => {
  it('a customer is told once that the sign-in ended, goes on as a guest, and gets the cart back by signing in', async () => {
    const { shopper, email, cart } = await signedInCustomerWithCart();
    await revokeBehindTheShopper((await tokensOf(shopper)).refreshToken);
    const expired = await store.rawAction(shopper, 'cart/addToCart', JSON.stringify({ sku: 'PAN-CAST-26' }));
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
    // The answer carries the session without the customer. The frontend-sdk stores sessions from 2xx answers
    // only; keeping this one after SESSION_EXPIRED is the frontend's part (issue 11), done here by hand.
    expect(await store.decode(expired.sessionToken)).toEqual({});
    shopper.cookies['frontastic-session'] = expired.sessionToken ?? '';
    const asGuest = await store.act<Cart>(shopper, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(asGuest.id).not.toBe(cart.id);
    await store.act(shopper, 'account/login', { email, password });
    const merged = await store.act<Cart>(shopper, 'cart/getCart');
    expect(merged.id).toBe(cart.id);
    expect(merged.lineItems.map((item) => item.sku).sort()).toEqual(['LAMP-READ-01', 'PAN-CAST-26']);
  });

  it('a guest whose tokens were revoked starts over: the write goes on with a new session and cart, reads answer empty', async () => {
    const writer = store.shopper();
    const first = await store.act<Cart>(writer, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    await revokeBehindTheShopper((await tokensOf(writer)).refreshToken);
    const second = await store.act<Cart>(writer, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    expect(second.id).not.toBe(first.id);
    expect(second.lineItems.map((item) => item.sku)).toEqual(['PAN-CAST-26']);
    expect((await store.act<Cart>(writer, 'cart/getCart')).id).toBe(second.id);

    const reader = store.shopper();
    await store.act<Cart>(reader, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    await revokeBehindTheShopper((await tokensOf(reader)).refreshToken);
    const read = await store.act<Cart>(reader, 'cart/getCart');
    expect(read.id).toBeNull();
    // Reading creates nothing: the guest has no token until a write needs one.
    expect(await store.sessionOf(reader)).toEqual({});
    expect((await store.act<Cart>(reader, 'cart/addToCart', { sku: 'VASE-CERAMIC-M' })).lineItems).toHaveLength(1);
  });
});
