import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hubOptionsFromEnv } from '../src/index.js';
import { createHostCheck } from '../src/http/host-check.js';
import { requestWithHost } from './support/host-request.js';
import { startTestHub, type TestHub } from './support/start-test-hub.js';

describe('the hub answers its own host only (DNS rebinding)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each(['evil.example', 'evil.example:80', '127.0.0.1.evil.example', 'localhost', '127.0.0.1', 'localhost:1', '[::1]', '0.0.0.0'])(
    'refuses Host %s with 403 HOST_NOT_ALLOWED naming HUB_ALLOWED_HOSTS, on every route',
    async (host) => {
      for (const path of ['/frontastic/status', '/frontastic/action/session/read', '/frontastic/page', '/nothing']) {
        const answer = await requestWithHost(`${hub.url}${path}`, host, { method: path === '/frontastic/status' ? 'GET' : 'POST' });
        expect(answer.status).toBe(403);
        const body = JSON.parse(answer.body) as { code: string; message: string };
        expect(body.code).toBe('HOST_NOT_ALLOWED');
        expect(body.message).toContain('HUB_ALLOWED_HOSTS');
        expect(body.message).toContain(`127.0.0.1:${hub.port}, localhost:${hub.port}`);
        expect(answer.headers['frontastic-session']).toBeUndefined();
      }
    },
  );

  it('refuses a CORS preflight under a foreign Host too, and keeps CORS as it was for its own', async () => {
    const preflight = { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } };
    expect((await requestWithHost(`${hub.url}/frontastic/action/session/read`, 'evil.example', preflight)).status).toBe(403);
    const own = await requestWithHost(`${hub.url}/frontastic/action/session/read`, `localhost:${hub.port}`, preflight);
    expect(own.status).toBe(204);
    expect(own.headers['access-control-allow-origin']).toBe('http://localhost:3000');
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST'])('answers Host %s:<its port>', async (name) => {
    expect((await requestWithHost(`${hub.url}/frontastic/status`, `${name}:${hub.port}`)).status).toBe(200);
  });

  it('a long or odd Host is shown short and printable in the refusal', async () => {
    const answer = await requestWithHost(`${hub.url}/frontastic/status`, `${'a'.repeat(5000)}.example`);
    const { message } = JSON.parse(answer.body) as { message: string };
    expect(message).toContain(`Host ${'a'.repeat(100)}...`);
    expect(message.length).toBeLessThan(600);
  });
});

describe('allowedHosts and HUB_ALLOWED_HOSTS', () => {
  it('adds names on any port, name:port entries, or * for every host', async () => {
    const hub = await startTestHub({ allowedHosts: ['shop.example.test', 'Proxy.test:8443'] });
    try {
      for (const host of ['shop.example.test', 'SHOP.example.test:1234', 'proxy.test:8443', `127.0.0.1:${hub.port}`]) {
        expect((await requestWithHost(`${hub.url}/frontastic/status`, host)).status).toBe(200);
      }
      for (const host of ['proxy.test', 'proxy.test:9', 'evil.shop.example.test']) {
        expect((await requestWithHost(`${hub.url}/frontastic/status`, host)).status).toBe(403);
      }
    } finally {
      await hub.close();
    }
    const open = await startTestHub({ allowedHosts: ['*'] });
    try {
      expect((await requestWithHost(`${open.url}/frontastic/status`, 'anything.example')).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('reads HUB_ALLOWED_HOSTS (comma-separated) and refuses entries that are not hosts', async () => {
    expect(hubOptionsFromEnv({ HUB_ALLOWED_HOSTS: 'shop.test, proxy.test:8443' }).allowedHosts).toEqual(['shop.test', 'proxy.test:8443']);
    await expect(startTestHub({ allowedHosts: ['http://shop.test/'] })).rejects.toMatchObject({ code: 'OPTIONS_INVALID', message: expect.stringContaining('allowedHosts') });
    await expect(startTestHub({ allowedHosts: ['shop test'] })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('createHostCheck: own addresses on the port only, no Host at all refused, IPv6 literals by name', () => {
    const check = createHostCheck(8080, ['[::1]']);
    expect(check('127.0.0.1:8080')).toBe(true);
    expect(check('localhost:8080')).toBe(true);
    expect(check('127.0.0.1:8081')).toBe(false);
    expect(check(undefined)).toBe(false);
    expect(check('')).toBe(false);
    expect(check('[::1]:8080')).toBe(true);
    expect(check('[::2]:8080')).toBe(false);
  });
});
