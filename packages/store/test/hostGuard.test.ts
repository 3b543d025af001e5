import { describe, expect, it } from '@jest/globals';
import { requestWithHost } from '@ctp-session/hub/testing';
import { allowedHostsOf, answerOwnHostOnly } from '../src/hostGuard.js';
import { holdPort } from '../src/ports.js';
import { startingAnswer } from '../src/startingPage.js';
import { startStore } from '../src/startStore.js';

describe("the store's servers answer their own host only (DNS rebinding)", () => {
  it('a port hold answers its own addresses with the starting page and any other Host with 403 naming the variable', async () => {
    const listener = answerOwnHostOnly(startingAnswer('the store', () => undefined), ['shop.test'], 'STORE_ALLOWED_HOSTS');
    const hold = await holdPort({ port: 0, part: 'the frontend', variable: 'PORT' }, { kind: 'http', listener });
    try {
      const url = `http://127.0.0.1:${hold.port}/`;
      for (const host of [`127.0.0.1:${hold.port}`, `localhost:${hold.port}`, 'shop.test', 'shop.test:443']) expect((await requestWithHost(url, host)).status).toBe(503);
      for (const host of ['evil.example', `evil.example:${hold.port}`, 'localhost', `localhost:${hold.port + 1}`]) {
        const answer = await requestWithHost(url, host, { headers: { accept: 'text/html' } });
        expect(answer.status).toBe(403);
        const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
        expect(error.code).toBe('HOST_NOT_ALLOWED');
        expect(error.message).toContain('STORE_ALLOWED_HOSTS');
        expect(answer.body).not.toContain('The store is starting');
      }
    } finally {
      await hold.release();
    }
  });

  it('reads each part\'s list from its variable', () => {
    expect(allowedHostsOf({ STORE_ALLOWED_HOSTS: ' shop.test ,, proxy.test:8443 ' }, 'STORE_ALLOWED_HOSTS')).toEqual(['shop.test', 'proxy.test:8443']);
    expect(allowedHostsOf({}, 'HUB_ALLOWED_HOSTS')).toEqual([]);
  });

  it('gives the hub HUB_ALLOWED_HOSTS (and its session lifetime) and the platform PLATFORM_ALLOWED_HOSTS, and both refuse other hosts', async () => {
    const env = { HUB_ALLOWED_HOSTS: 'hub.test', PLATFORM_ALLOWED_HOSTS: 'platform.test', HUB_SESSION_IDLE_SECONDS: '900' };
    const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, frontend: false, quiet: true, env, hub: { sessionAbsoluteSeconds: 7_200 } });
    try {
      const status = (await (await fetch(`${store.hubUrl}/frontastic/status`)).json()) as { sessionLifetime: unknown };
      expect(status.sessionLifetime).toEqual({ idleSeconds: 900, absoluteSeconds: 7_200 });
      const platformUrl = `${store.platform?.url ?? ''}/__platform/health`;
      const hubUrl = `${store.hubUrl}/frontastic/status`;
      expect((await requestWithHost(hubUrl, 'hub.test')).status).toBe(200);
      expect((await requestWithHost(hubUrl, 'platform.test')).status).toBe(403);
      expect((await requestWithHost(platformUrl, 'platform.test')).status).toBe(200);
      expect((await requestWithHost(platformUrl, 'hub.test')).status).toBe(403);
      // The hub still reaches the platform (127.0.0.1:<port>): a whole action works.
      const answer = await fetch(`${store.hubUrl}/frontastic/action/cart/addToCart`, { method: 'POST', body: JSON.stringify({ sku: 'MUG-ENAMEL-01' }) });
      expect(answer.status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
