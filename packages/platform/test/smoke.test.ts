import { describe, expect, it } from '@jest/globals';
import { CommercetoolsMock } from '@labdigital/commercetools-mock';
import { SignJWT } from 'jose';

describe('esm smoke', () => {
  it('loads jose and the mock', async () => {
    const jwt = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(jwt.split('.')).toHaveLength(3);
    const mock = new CommercetoolsMock({ enableAuthentication: true, validateCredentials: false, defaultProjectKey: 'demo' });
    await mock.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = mock.app.server.address();
    expect(addr).not.toBeNull();
    await mock.app.close();
  });
});
