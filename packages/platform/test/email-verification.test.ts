import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Customer } from '@commercetools/platform-sdk';
import { anonymousToken, api, clientSdk, customerSdk, customerToken, sdkFailure, startPlatform, type Platform, type SdkClient } from './support/platform.js';

describe('customer email verification', () => {
  let platform: Platform;
  let client: SdkClient;
  let now = Date.parse('2030-01-01T10:00:00Z');
  let counter = 0;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, now: () => now });
    client = clientSdk(platform);
  });
  afterAll(async () => {
    await platform.close();
  });

  async function newCustomer(): Promise<Customer> {
    counter += 1;
    const draft = { email: `verify-${counter}@example.com`, password: 'secret-password', firstName: 'Vera' };
    return (await client.api.customers().post({ body: draft }).execute()).body.customer;
  }
  const emailToken = async (id: string, ttlMinutes = 60, invalidateOlderTokens?: boolean) =>
    (await client.api.customers().emailToken().post({ body: { id, ttlMinutes, ...(invalidateOlderTokens === undefined ? {} : { invalidateOlderTokens }) } }).execute()).body;
  const confirm = (tokenValue: string) => client.api.customers().emailConfirm().post({ body: { tokenValue } }).execute();

  it('creates a token with the requested validity, finds its customer, and verifies the email once', async () => {
    const customer = await newCustomer();
    expect(customer.isEmailVerified).toBe(false);
    const token = await emailToken(customer.id, 2 * 7 * 24 * 60);
    expect(token).toMatchObject({ customerId: customer.id, invalidateOlderTokens: false, createdAt: new Date(now).toISOString() });
    expect(token.expiresAt).toBe(new Date(now + 14 * 86_400_000).toISOString());
    expect(token.value.length).toBeGreaterThanOrEqual(32);

    const byToken = (await client.api.customers().withEmailToken({ emailToken: token.value }).get().execute()).body;
    expect(byToken.id).toBe(customer.id);

    const verified = (await confirm(token.value)).body;
    expect(verified).toMatchObject({ id: customer.id, isEmailVerified: true, version: customer.version + 1 });
    expect((await client.api.customers().withId({ ID: customer.id }).get().execute()).body.isEmailVerified).toBe(true);

    const reused = await sdkFailure(confirm(token.value));
    expect(reused).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect(JSON.stringify(reused.body)).not.toContain(token.value);
  });

  it('a successful verification invalidates every other token of the customer', async () => {
    const customer = await newCustomer();
    const first = await emailToken(customer.id);
    const second = await emailToken(customer.id);
    await confirm(second.value);
    expect(await sdkFailure(confirm(first.value))).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });

  it('refuses an expired token with 400 ExpiredCustomerEmailToken, also when looking the customer up', async () => {
    const customer = await newCustomer();
    const token = await emailToken(customer.id, 1);
    now += 61_000;
    expect(await sdkFailure(confirm(token.value))).toMatchObject({ status: 400, code: 'ExpiredCustomerEmailToken' });
    expect(await sdkFailure(client.api.customers().withEmailToken({ emailToken: token.value }).get().execute())).toMatchObject({ status: 400, code: 'ExpiredCustomerEmailToken' });
    expect((await client.api.customers().withId({ ID: customer.id }).get().execute()).body.isEmailVerified).toBe(false);
  });

  it('invalidateOlderTokens makes the earlier tokens unknown', async () => {
    const customer = await newCustomer();
    const older = await emailToken(customer.id);
    const newer = await emailToken(customer.id, 60, true);
    expect(newer.invalidateOlderTokens).toBe(true);
    expect(await sdkFailure(confirm(older.value))).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect((await confirm(newer.value)).body.isEmailVerified).toBe(true);
  });

  it('an unknown token is 404 ResourceNotFound', async () => {
    expect(await sdkFailure(confirm('not-a-token'))).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect(await sdkFailure(client.api.customers().withEmailToken({ emailToken: 'not-a-token' }).get().execute())).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });

  it('/me/email/confirm verifies the signed-in customer’s own email only', async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const token = await emailToken(owner.id);
    const otherShopper = customerSdk(platform, other.email, 'secret-password');
    expect(await sdkFailure(otherShopper.api.me().emailConfirm().post({ body: { tokenValue: token.value } }).execute())).toMatchObject({ status: 404, code: 'ResourceNotFound' });

    const guest = await anonymousToken(platform);
    const asGuest = await api(platform, 'POST', '/me/email/confirm', guest.access_token, { tokenValue: token.value });
    expect(asGuest.status).toBe(403);

    const shopper = customerSdk(platform, owner.email, 'secret-password');
    const verified = (await shopper.api.me().emailConfirm().post({ body: { tokenValue: token.value } }).execute()).body;
    expect(verified).toMatchObject({ id: owner.id, isEmailVerified: true });
    // The password-flow token still works after the verification.
    expect((await api(platform, 'GET', '/me', (await customerToken(platform, owner.email, 'secret-password')).access_token)).body.isEmailVerified).toBe(true);
  });

  it('refuses bad input with commercetools’ error shapes', async () => {
    const customer = await newCustomer();
    const token = (await client.tokens.current())?.token;
    const cases: Array<[string, unknown, number, string]> = [
      ['/customers/email-token', '{"id":', 400, 'InvalidJsonInput'],
      ['/customers/email-token', { ttlMinutes: 10 }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: customer.id }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: customer.id, ttlMinutes: 0 }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: customer.id, ttlMinutes: 1.5 }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: customer.id, ttlMinutes: '10' }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: customer.id, ttlMinutes: 10, invalidateOlderTokens: 'yes' }, 400, 'InvalidJsonInput'],
      ['/customers/email-token', { id: 'no-such-customer', ttlMinutes: 10 }, 404, 'ResourceNotFound'],
      ['/customers/email-token', { id: customer.id, ttlMinutes: 10, version: customer.version + 5 }, 409, 'ConcurrentModification'],
      ['/customers/email/confirm', {}, 400, 'InvalidJsonInput'],
      ['/customers/email/confirm', { tokenValue: 42 }, 400, 'InvalidJsonInput'],
    ];
    for (const [path, body, status, code] of cases) {
      const answer = await api(platform, 'POST', path, token, body);
      expect({ path, body, status: answer.status, code: answer.body.errors?.[0]?.code }).toEqual({ path, body, status, code });
    }
    const valid = await emailToken(customer.id);
    const stale = await api(platform, 'POST', '/customers/email/confirm', token, { tokenValue: valid.value, version: customer.version + 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].code).toBe('ConcurrentModification');
  });

  it('other customer lookups still reach the customers API', async () => {
    const customer = await newCustomer();
    expect((await client.api.customers().withKey({ key: 'none' }).get().execute().catch((error: { statusCode: number }) => error)).statusCode).toBe(404);
    expect((await client.api.customers().withId({ ID: customer.id }).get().execute()).body.email).toBe(customer.email);
  });
});
