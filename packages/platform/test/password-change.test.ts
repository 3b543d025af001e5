import { describe, expect, it } from '@jest/globals';
import { api, customerToken, sdkFailure, usePlatform } from './support/platform.js';

describe('POST /{projectKey}/customers/password', () => {
  const running = usePlatform();

  it('changes the password when the current one matches; the old one stops working', async () => {
    const { platform, client } = running;
    const { customer } = (await client.api.customers().post({ body: { email: 'changer@example.com', password: 'old-password' } }).execute()).body;
    const changed = (
      await client.api.customers().password().post({ body: { id: customer.id, version: customer.version, currentPassword: 'old-password', newPassword: 'new-password' } }).execute()
    ).body;
    expect(changed).toMatchObject({ id: customer.id, version: customer.version + 1 });
    await expect(customerToken(platform, 'changer@example.com', 'old-password')).rejects.toThrow('invalid_customer_account_credentials');
    expect((await customerToken(platform, 'changer@example.com', 'new-password')).access_token).toEqual(expect.any(String));
  });

  it('refuses a wrong current password, a stale version, an unknown customer and missing fields', async () => {
    const { platform, client } = running;
    const { customer } = (await client.api.customers().post({ body: { email: 'keeper@example.com', password: 'kept-password' } }).execute()).body;
    const change = (body: Record<string, unknown>) => client.api.customers().password().post({ body: { id: customer.id, version: customer.version, currentPassword: 'kept-password', newPassword: 'x-password', ...body } as never }).execute();
    expect(await sdkFailure(change({ currentPassword: 'guess' }))).toMatchObject({ status: 400, code: 'InvalidCurrentPassword' });
    expect(await sdkFailure(change({ version: customer.version + 1 }))).toMatchObject({ status: 409, code: 'ConcurrentModification' });
    expect(await sdkFailure(change({ id: 'nobody' }))).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    const token = (await client.tokens.current())?.token;
    for (const body of [{ id: customer.id, version: customer.version, currentPassword: 'kept-password' }, { id: customer.id, currentPassword: 'kept-password', newPassword: 'y' }, '{"id":']) {
      const answer = await api(platform, 'POST', '/customers/password', token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe('InvalidJsonInput');
    }
    // Nothing changed.
    expect((await customerToken(platform, 'keeper@example.com', 'kept-password')).access_token).toEqual(expect.any(String));
  });
});
