import { describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { platformOptionsFromEnv, startPlatform } from '../src/index.js';
import { usePlatform } from './support/platform.js';

/** A request with a chosen `Host` header (fetch sets its own): what a browser sends for a rebound name. */
function requestWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the platform answers its own host only (DNS rebinding)', () => {
  const running = usePlatform({ port: 0, seed: false, onMail: () => undefined });

  it.each(['evil.example', `evil.example:80`, 'localhost', '127.0.0.1', '127.0.0.1.evil.example'])(
    'refuses Host %s with 403 HostNotAllowed naming PLATFORM_ALLOWED_HOSTS: the mail inbox, the API and the auth server alike',
    async (host) => {
      const { platform } = running;
      for (const path of ['/__platform/mail', '/__platform/health', `/${platform.projectKey}/carts`, '/oauth/token']) {
        const answer = await requestWithHost(platform.port, path, host);
        expect(answer.status).toBe(403);
        const body = JSON.parse(answer.body) as { errors: { code: string }[]; message: string };
        expect(body.errors[0]?.code).toBe('HostNotAllowed');
        expect(body.message).toContain('PLATFORM_ALLOWED_HOSTS');
      }
    },
  );

  it('answers 127.0.0.1:<port> and localhost:<port>', async () => {
    const { platform } = running;
    for (const host of [`127.0.0.1:${platform.port}`, `localhost:${platform.port}`]) expect((await requestWithHost(platform.port, '/__platform/mail', host)).status).toBe(200);
  });

  it("the mock's private port answers the platform's gateway only", async () => {
    const mockPort = (running.platform.mock.app.server.address() as { port: number }).port;
    expect((await requestWithHost(mockPort, `/${running.platform.projectKey}/carts`, 'evil.example')).status).toBe(403);
    expect((await requestWithHost(mockPort, `/${running.platform.projectKey}/carts`, `localhost:${mockPort}`)).status).toBe(403);
  });
});

describe('allowedHosts and PLATFORM_ALLOWED_HOSTS', () => {
  it('answers the listed hosts too, and refuses entries that are not hosts', async () => {
    const platform = await startPlatform({ port: 0, seed: false, onMail: () => undefined, allowedHosts: ['platform.test'] });
    try {
      expect((await requestWithHost(platform.port, '/__platform/health', 'platform.test:1234')).status).toBe(200);
      expect((await requestWithHost(platform.port, '/__platform/health', 'other.test')).status).toBe(403);
    } finally {
      await platform.close();
    }
    await expect(startPlatform({ seed: false, allowedHosts: ['http://platform.test'] })).rejects.toMatchObject({ code: 'PLATFORM_INVALID_OPTION' });
    expect(platformOptionsFromEnv({ PLATFORM_ALLOWED_HOSTS: 'a.test, b.test:1' }).allowedHosts).toEqual(['a.test', 'b.test:1']);
    expect(platformOptionsFromEnv({}).allowedHosts).toBeUndefined();
  });
});
