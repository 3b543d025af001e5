import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { platformOptionsFromEnv, PlatformOptionError, PlatformStartError, startPlatform } from '../src/index.js';

describe('starting the platform', () => {
  it('uses the given project key, client id and secret', async () => {
    const platform = await startPlatform({ port: 0, projectKey: 'my-shop', clientId: 'id-1', clientSecret: 'secret-1', seed: false });
    try {
      expect(platform.projectKey).toBe('my-shop');
      const basic = Buffer.from('id-1:secret-1').toString('base64');
      const token = await fetch(`${platform.authUrl}/oauth/my-shop/anonymous/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      const { access_token } = (await token.json()) as { access_token: string };
      const carts = await fetch(`${platform.apiUrl}/my-shop/me/carts`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(carts.status).toBe(200);
      const unseeded = await fetch(`${platform.apiUrl}/my-shop/product-projections`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(((await unseeded.json()) as { total: number }).total).toBe(0);
    } finally {
      await platform.close();
    }
  });

  it('refuses options it cannot use, with PlatformOptionError', async () => {
    await expect(startPlatform({ port: -1 })).rejects.toThrow(PlatformOptionError);
    await expect(startPlatform({ projectKey: 'Not A Key!' })).rejects.toThrow(PlatformOptionError);
    await expect(startPlatform({ tokenTtlSeconds: 0 })).rejects.toThrow(PlatformOptionError);
    await expect(startPlatform({ faults: { unavailableRate: 5 } })).rejects.toThrow('unavailableRate');
  });

  it('reports a port in use as PlatformStartError with code PLATFORM_START_FAILED', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failure = await startPlatform({ port, seed: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PlatformStartError);
      expect((failure as PlatformStartError).code).toBe('PLATFORM_START_FAILED');
    } finally {
      blocker.close();
    }
  });

  it('binds loopback only, and closing twice is harmless', async () => {
    const platform = await startPlatform({ port: 0, seed: false });
    try {
      expect(platform.url.startsWith('http://127.0.0.1:')).toBe(true);
    } finally {
      await Promise.all([platform.close(), platform.close()]);
      await platform.close();
    }
    await expect(fetch(`${platform.url}/__platform/health`)).rejects.toThrow();
  });

  it('starts with faults when asked to', async () => {
    const platform = await startPlatform({ port: 0, seed: false, faults: { unavailableRate: 1 } });
    try {
      expect((await fetch(`${platform.url}/images/mug-enamel-01.svg`)).status).toBe(503);
    } finally {
      await platform.close();
    }
  });
});

describe('options from the environment', () => {
  it('defaults to port 8989 (mail sink 2525) and reads PLATFORM_PORT, CTP_PROJECT_KEY, PLATFORM_TOKEN_TTL_SECONDS, PLATFORM_SMTP_PORT', () => {
    expect(platformOptionsFromEnv({})).toEqual({ port: 8989, smtpPort: 2525 });
    expect(platformOptionsFromEnv({ PLATFORM_PORT: '9000', CTP_PROJECT_KEY: 'shop', PLATFORM_TOKEN_TTL_SECONDS: '2', PLATFORM_SMTP_PORT: '2626' })).toEqual({
      port: 9000,
      smtpPort: 2626,
      projectKey: 'shop',
      tokenTtlSeconds: 2,
    });
    // A free platform port means a free mail port too, unless one is named.
    expect(platformOptionsFromEnv({ PLATFORM_PORT: '0' })).toEqual({ port: 0, smtpPort: 0 });
  });

  it('refuses values that are not whole numbers', () => {
    expect(() => platformOptionsFromEnv({ PLATFORM_PORT: 'eighty' })).toThrow(PlatformOptionError);
    expect(() => platformOptionsFromEnv({ PLATFORM_TOKEN_TTL_SECONDS: '1.5' })).toThrow(PlatformOptionError);
    expect(() => platformOptionsFromEnv({ PLATFORM_SMTP_PORT: 'smtp' })).toThrow(PlatformOptionError);
  });
});
