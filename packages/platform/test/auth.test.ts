import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  anonymousToken,
  api,
  clientSdk,
  customerSdk,
  customerToken,
  guestSdk,
  refreshSdk,
  sdkFailure,
  startPlatform,
  tokenRequest,
  tokenSdk,
  type Platform,
} from './support/platform.js';

describe('auth server', () => {
  let platform: Platform;
  let now = Date.now();

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, tokenTtlSeconds: 60, now: () => now });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('serves API and auth on the same loopback origin', () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.apiUrl).toBe(platform.url);
    expect(platform.authUrl).toBe(platform.url);
  });

  it('anonymous session flow honours the requested anonymous_id and puts it in the scope', async () => {
    const guest = guestSdk(platform, 'guest-from-analytics');
    const cart = await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    expect(cart.body.anonymousId).toBe('guest-from-analytics');
    const token = await anonymousToken(platform, 'guest-from-analytics');
    expect(token.scope.split(' ')).toContain('anonymous_id:guest-from-analytics');
    expect(token.refresh_token).toMatch(new RegExp(`^${platform.projectKey}:`));
    expect(token.expires_in).toBe(60);
  });

  it('anonymous session flow generates an anonymous id when none is asked for', async () => {
    const first = await anonymousToken(platform);
    const second = await anonymousToken(platform);
    const idOf = (scope: string) => scope.split(' ').find((s) => s.startsWith('anonymous_id:'))?.slice('anonymous_id:'.length);
    expect(idOf(first.scope)).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf(first.scope)).not.toBe(idOf(second.scope));
  });

  it('refuses an empty or over-long anonymous_id', async () => {
    for (const anonymousId of [' ', 'x'.repeat(257)]) {
      const answer = await tokenRequest(platform, `/oauth/${platform.projectKey}/anonymous/token`, { grant_type: 'client_credentials', anonymous_id: anonymousId });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
    }
  });

  it('password flow issues a customer token whose scope names the customer', async () => {
    const token = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    expect(token.scope).toMatch(/customer_id:[0-9a-f-]{36}/);
    const customer = customerSdk(platform, platform.demoCustomer.email.toUpperCase(), platform.demoCustomer.password);
    const me = await customer.api.me().get().execute();
    expect(me.body.email).toBe(platform.demoCustomer.email);
    expect(token.scope).toContain(`customer_id:${me.body.id}`);
  });

  it('password flow refuses wrong credentials with invalid_customer_account_credentials', async () => {
    const answer = await tokenRequest(platform, `/oauth/${platform.projectKey}/customers/token`, {
      grant_type: 'password',
      username: platform.demoCustomer.email,
      password: 'wrong',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_customer_account_credentials');
    expect(JSON.stringify(answer.body)).not.toContain('wrong');
  });

  it('refuses wrong client credentials with 401 invalid_client', async () => {
    const basic = Buffer.from(`${platform.clientId}:not-the-secret`).toString('base64');
    const answer = await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' }, basic);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    const noAuth = await fetch(`${platform.authUrl}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials' });
    expect(noAuth.status).toBe(401);
  });

  it('answers missing and unknown grant types as commercetools does', async () => {
    expect((await tokenRequest(platform, '/oauth/token', {})).body.error).toBe('invalid_request');
    expect((await tokenRequest(platform, '/oauth/token', { grant_type: 'magic' })).body.error).toBe('unsupported_grant_type');
    const wrongProject = await tokenRequest(platform, '/oauth/other/anonymous/token', { grant_type: 'client_credentials' });
    expect(wrongProject.status).toBe(400);
  });

  it('client credentials flow reads the catalogue through the SDK', async () => {
    const client = clientSdk(platform);
    const categories = await client.api.categories().get().execute();
    expect(categories.body.total).toBeGreaterThanOrEqual(3);
  });

  it('refresh flow issues a new access token for the same session', async () => {
    const guest = await anonymousToken(platform, 'refreshing-guest');
    const refreshed = refreshSdk(platform, guest.refresh_token as string);
    const cart = await refreshed.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    expect(cart.body.anonymousId).toBe('refreshing-guest');
    const newToken = refreshed.tokens.current()?.token;
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(guest.access_token);
  });

  it('refuses an unknown refresh token with 400 invalid_grant', async () => {
    const answer = await tokenRequest(platform, '/oauth/token', { grant_type: 'refresh_token', refresh_token: `${platform.projectKey}:made-up` });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
    expect((await tokenRequest(platform, '/oauth/token', { grant_type: 'refresh_token' })).body.error).toBe('invalid_request');
  });

  it('existing token flow works with a stored token', async () => {
    const token = await anonymousToken(platform, 'stored-token-guest');
    const sdk = tokenSdk(platform, token.access_token);
    const cart = await sdk.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    expect(cart.body.anonymousId).toBe('stored-token-guest');
  });

  it('refuses a missing, tampered or unknown token with 401 invalid_token', async () => {
    const token = await anonymousToken(platform);
    for (const bearer of [undefined, `${token.access_token}x`, 'made-up']) {
      const answer = await api(platform, 'GET', '/me/active-cart', bearer);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].code).toBe('invalid_token');
    }
  });

  it('expires access tokens after the TTL; refresh then issues a working one', async () => {
    const token = await anonymousToken(platform, 'expiring-guest');
    expect((await api(platform, 'POST', '/me/carts', token.access_token, { currency: 'EUR' })).status).toBe(201);
    now += 59_000;
    expect((await api(platform, 'GET', '/me/active-cart', token.access_token)).status).toBe(200);
    now += 1_000;
    const expired = await sdkFailure(tokenSdk(platform, token.access_token).api.me().activeCart().get().execute());
    expect(expired.status).toBe(401);
    expect(expired.code).toBe('invalid_token');

    const refreshed = await tokenRequest(platform, '/oauth/token', { grant_type: 'refresh_token', refresh_token: token.refresh_token as string });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    const cart = await api(platform, 'GET', '/me/active-cart', refreshed.body.access_token as string);
    expect(cart.status).toBe(200);
    expect(cart.body.anonymousId).toBe('expiring-guest');
  });
});

describe('auth with a real short TTL', () => {
  it('refuses a token once its TTL has passed', async () => {
    const platform = await startPlatform({ port: 0, tokenTtlSeconds: 1, seed: false });
    try {
      const token = await anonymousToken(platform);
      expect(token.expires_in).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const answer = await api(platform, 'GET', '/me/active-cart', token.access_token);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].code).toBe('invalid_token');
    } finally {
      await platform.close();
    }
  });
});
