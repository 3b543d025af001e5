import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anonymousToken, api, customerToken, startPlatform, tokenRequest, type Platform } from './support/platform.js';

// commercetools' token revocation: POST {auth}/oauth/token/revoke, HTTP Basic client credentials,
// form fields `token` and `token_type_hint` (`access_token` or `refresh_token`).
async function revoke(platform: Platform, form: Record<string, string>, basic?: string): Promise<{ status: number; text: string }> {
  const auth = basic ?? Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64');
  const response = await fetch(`${platform.authUrl}/oauth/token/revoke`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, text: await response.text() };
}

const refresh = (platform: Platform, refreshToken: string) => tokenRequest(platform, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken });

describe('token revocation', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a revoked access token is refused with 401 invalid_token; the refresh token still works', async () => {
    const token = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    expect((await api(platform, 'GET', '/me', token.access_token)).status).toBe(200);
    expect(await revoke(platform, { token: token.access_token, token_type_hint: 'access_token' })).toEqual({ status: 200, text: '' });
    const refused = await api(platform, 'GET', '/me', token.access_token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ statusCode: 401, errors: [{ code: 'invalid_token' }] });
    const renewed = await refresh(platform, token.refresh_token ?? '');
    expect(renewed.status).toBe(200);
    expect((await api(platform, 'GET', '/me', renewed.body.access_token as string)).status).toBe(200);
  });

  it('a revoked refresh token cannot be refreshed (400 invalid_grant), and the access tokens it issued stop working', async () => {
    const token = await anonymousToken(platform);
    const issuedByRefresh = await refresh(platform, token.refresh_token ?? '');
    expect((await revoke(platform, { token: token.refresh_token ?? '', token_type_hint: 'refresh_token' })).status).toBe(200);
    const again = await refresh(platform, token.refresh_token ?? '');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
    for (const accessToken of [token.access_token, issuedByRefresh.body.access_token as string]) {
      expect((await api(platform, 'GET', '/me/active-cart', accessToken)).status).toBe(401);
    }
  });

  it('finds the token without a hint, or with the wrong one, as RFC 7009 allows', async () => {
    const first = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    expect((await revoke(platform, { token: first.refresh_token ?? '' })).status).toBe(200);
    expect((await refresh(platform, first.refresh_token ?? '')).status).toBe(400);
    const second = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    expect((await revoke(platform, { token: second.access_token, token_type_hint: 'refresh_token' })).status).toBe(200);
    expect((await api(platform, 'GET', '/me', second.access_token)).status).toBe(401);
  });

  it('answers 200 for a token it does not know or already revoked, and revokes nothing else', async () => {
    const bystander = await anonymousToken(platform);
    expect((await revoke(platform, { token: 'never-issued', token_type_hint: 'access_token' })).status).toBe(200);
    expect((await revoke(platform, { token: bystander.refresh_token ?? '' })).status).toBe(200);
    expect((await revoke(platform, { token: bystander.refresh_token ?? '' })).status).toBe(200);
    const other = await anonymousToken(platform);
    expect((await api(platform, 'GET', '/me/carts', other.access_token)).status).toBe(200);
  });

  it('needs the client credentials and a token, like the other auth endpoints', async () => {
    const token = await anonymousToken(platform);
    const wrongClient = await revoke(platform, { token: token.access_token }, Buffer.from(`${platform.clientId}:wrong`).toString('base64'));
    expect(wrongClient.status).toBe(401);
    expect(JSON.parse(wrongClient.text)).toMatchObject({ error: 'invalid_client' });
    expect((await api(platform, 'GET', '/me/carts', token.access_token)).status).toBe(200);
    const missing = await revoke(platform, {});
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toMatchObject({ error: 'invalid_request' });
  });
});
