import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Account } from '../src/types/Account.js';
import type { Cart } from '../src/types/Cart.js';
import { call, dataOf, startStore, type Browser, type TestStore } from './support/store.js';

// Tokens live 2 s on the platform, whose clock the test moves forward instead of waiting.
let clock = Date.now();
let store: TestStore;
beforeAll(async () => {
  store = await startStore({ platform: { tokenTtlSeconds: 2, now: () => clock } });
});
afterAll(async () => {
  await store?.close();
});

const advance = (ms: number): void => {
  clock += ms;
};

async function cartOf(shopper: Browser, action: string, payload?: unknown): Promise<Cart> {
  return dataOf(await call<Cart>(store.sdk, shopper, action, payload));
}

describe('access tokens that expire mid-flow', () => {
  it('a guest keeps the same cart across refreshes', async () => {
    const guest = store.shopper();
    const first = await cartOf(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });
    const tokenBefore = ((await store.sessionOf(guest)).token as { accessToken: string }).accessToken;
    for (let round = 0; round < 3; round++) {
      advance(3_000);
      const { routes } = await store.countRequests(() => cartOf(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }));
      expect(routes['POST /oauth/token']).toBe(1);
    }
    const cart = await cartOf(guest, 'cart/getCart');
    expect(cart.id).toBe(first.id);
    expect(cart.lineItems[0]?.quantity).toBe(4);
    const tokenAfter = ((await store.sessionOf(guest)).token as { accessToken: string }).accessToken;
    expect(tokenAfter).not.toBe(tokenBefore);
  });

  it('a customer stays signed in with the same cart across refreshes', async () => {
    const shopper = store.shopper();
    const email = `expiry-${Date.now()}@example.com`;
    await dataOf(await call<Account>(store.sdk, shopper, 'account/register', { email, password: 'long-enough-1' }));
    const cart = await cartOf(shopper, 'cart/addToCart', { sku: 'PAN-CAST-26' });
    advance(3_000);
    expect((await cartOf(shopper, 'cart/getCart')).id).toBe(cart.id);
    advance(3_000);
    const account = dataOf(await call<Account>(store.sdk, shopper, 'account/getAccount'));
    expect(account).toMatchObject({ loggedIn: true, customer: { email } });
  });

  it('a customer whose refresh is refused is signed out cleanly, and told so', async () => {
    const shopper = await store.shopperWithSession({
      token: { accessToken: 'expired-access', refreshToken: 'revoked-refresh', expirationTime: Date.now() - 1_000 },
      customerId: 'c-1',
      cartId: 'cart-1',
      cartVersion: 3,
      rewardPoints: 70,
    });
    const answer = await store.rawAction(shopper, 'account/getAccount');
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { code: 'SESSION_EXPIRED', message: expect.any(String) } });
    // The customer part is gone; what is not the customer's stays.
    expect(await store.decode(answer.sessionToken)).toEqual({ rewardPoints: 70 });
  });

  it('a guest whose refresh is refused starts over as a new guest instead of failing', async () => {
    const shopper = await store.shopperWithSession({
      token: { accessToken: 'expired-access', refreshToken: 'revoked-refresh', expirationTime: Date.now() - 1_000 },
      cartId: 'cart-1',
      cartVersion: 3,
    });
    const cart = await cartOf(shopper, 'cart/getCart');
    expect(cart.id).toBeNull();
    expect(await store.sessionOf(shopper)).toEqual({});
  });
});

describe('a token the platform refuses although the session thinks it valid', () => {
  // The platform's clock runs three days ahead: every token it issued has expired there, while the
  // extensions (on the real clock) still see 2 days left. Nothing may quietly start a new guest session.
  let skewedClock = Date.now();
  let skewed: TestStore;
  beforeAll(async () => {
    skewed = await startStore({ platform: { now: () => skewedClock } });
  });
  afterAll(async () => {
    await skewed?.close();
  });

  it('renews the token through the refresh flow and carries on with the same cart; no new guest session', async () => {
    const guest = skewed.shopper();
    const first = dataOf(await call<Cart>(skewed.sdk, guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }));
    const tokenBefore = ((await skewed.sessionOf(guest)).token as { accessToken: string }).accessToken;
    skewedClock += 3 * 24 * 3_600_000;
    let cart: Cart | undefined;
    const { routes } = await skewed.countRequests(async () => {
      cart = dataOf(await call<Cart>(skewed.sdk, guest, 'cart/addToCart', { sku: 'PAN-CAST-26' }));
    });
    expect(cart?.id).toBe(first.id);
    expect(cart?.itemCount).toBe(2);
    // The refused call, one refresh, the repeated call: no anonymous-token request.
    expect(routes).toEqual({ 'POST /{projectKey}/me/carts/{id}': 2, 'POST /oauth/token': 1 });
    expect(((await skewed.sessionOf(guest)).token as { accessToken: string }).accessToken).not.toBe(tokenBefore);
  });

  it('a guest whose refused token cannot be refreshed (revoked) starts over instead of failing on every call', async () => {
    const guest = await skewed.shopperWithSession({
      token: { accessToken: 'refused-access', refreshToken: 'unknown-refresh', expirationTime: Date.now() + 86_400_000 },
      cartId: 'some-cart',
      cartVersion: 1,
    });
    const answer = await skewed.rawAction(guest, 'cart/addToCart', JSON.stringify({ sku: 'PAN-CAST-26' }));
    expect(answer.status).toBe(200);
    const session = await skewed.decode(answer.sessionToken);
    expect(session.cartId).toEqual((answer.json as Cart).id);
    expect(session.cartId).not.toBe('some-cart');
    expect((session.token as { refreshToken: string }).refreshToken).not.toBe('unknown-refresh');
  });
});
