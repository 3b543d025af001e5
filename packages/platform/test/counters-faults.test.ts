import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FaultSettingsError, routeTemplate } from '../src/index.js';
import { anonymousToken, api, startPlatform, type Platform } from './support/platform.js';

async function internal(platform: Platform, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${platform.url}/__platform${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: await response.json() };
}

describe('route templates', () => {
  it('name routes without ids, keys or the project key', () => {
    expect(routeTemplate('/demo/me/carts/6f1c2c1e-1f5e-4c3a-9d2b-0a1b2c3d4e5f', 'demo')).toBe('/{projectKey}/me/carts/{id}');
    expect(routeTemplate('/oauth/demo/anonymous/token', 'demo')).toBe('/oauth/{projectKey}/anonymous/token');
    expect(routeTemplate('/demo/products/key=enamel-mug', 'demo')).toBe('/{projectKey}/products/key={key}');
    expect(routeTemplate('/images/mug-enamel-01.svg', 'demo')).toBe('/images/{image}');
  });
});

describe('request counters', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });
  beforeEach(() => platform.counters.reset());

  it('count per route, programmatically and over HTTP, and reset both ways', async () => {
    const token = (await anonymousToken(platform)).access_token;
    const cart = await api(platform, 'POST', '/me/carts', token, { currency: 'EUR' });
    await api(platform, 'POST', `/me/carts/${cart.body.id}`, token, { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] });
    await api(platform, 'POST', `/me/carts/${cart.body.id}`, token, { version: 2, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] });

    expect(platform.counters.count('POST /{projectKey}/me/carts/{id}')).toBe(2);
    const snapshot = platform.counters.snapshot();
    expect(snapshot.total).toBe(4);
    expect(snapshot.routes).toEqual({
      'POST /oauth/{projectKey}/anonymous/token': 1,
      'POST /{projectKey}/me/carts': 1,
      'POST /{projectKey}/me/carts/{id}': 2,
    });

    const overHttp = await internal(platform, 'GET', '/counters');
    expect(overHttp.status).toBe(200);
    expect(overHttp.body).toEqual(snapshot);
    expect(platform.counters.snapshot().total).toBe(4);

    expect((await internal(platform, 'DELETE', '/counters')).body.total).toBe(0);
    await api(platform, 'GET', '/me/active-cart', token);
    expect((await internal(platform, 'POST', '/counters/reset')).body).toEqual({ total: 0, routes: {}, faults: { unavailable: 0, delayed: 0 } });
    await api(platform, 'GET', '/me/active-cart', token);
    platform.counters.reset();
    expect(platform.counters.snapshot().total).toBe(0);
  });

  it('answer health and unknown internal paths', async () => {
    expect((await internal(platform, 'GET', '/health')).body).toEqual({ status: 'ok', projectKey: platform.projectKey });
    expect((await internal(platform, 'GET', '/nope')).status).toBe(404);
  });
});

describe('fault injection', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterAll(async () => {
    await platform.close();
  });
  beforeEach(() => {
    platform.faults.reset();
    platform.counters.reset();
  });

  it('is off by default', async () => {
    expect(platform.faults.settings).toEqual({ latencyMs: 0, latencyJitterMs: 0, unavailableRate: 0, refuseConnections: false, seed: 1 });
  });

  it('answers a share of requests with 503, the same ones for the same seed', async () => {
    const pattern = async () => {
      platform.faults.set({ unavailableRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await fetch(`${platform.url}/images/mug-enamel-01.svg`)).status);
      return statuses;
    };
    const first = await pattern();
    const second = await pattern();
    expect(second).toEqual(first);
    expect(first.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(0);
    expect(platform.counters.snapshot().faults.unavailable).toBe(first.filter((status) => status === 503).length * 2);
  });

  it('answers everything with a commercetools-shaped 503 at rate 1, and the SDK sees it', async () => {
    platform.faults.set({ unavailableRate: 1 });
    const answer = await api(platform, 'GET', '/categories', 'any-token');
    expect(answer.status).toBe(503);
    expect(answer.body.errors[0].code).toBe('ServiceUnavailable');
    // Internal paths are never faulted, so a test can always switch faults off.
    expect((await internal(platform, 'GET', '/faults')).body.unavailableRate).toBe(1);
  });

  it('adds latency to answers', async () => {
    platform.faults.set({ latencyMs: 20, latencyJitterMs: 10, seed: 7 });
    const token = (await anonymousToken(platform)).access_token;
    expect((await api(platform, 'GET', '/me/carts', token)).status).toBe(200);
    expect(platform.counters.snapshot().faults.delayed).toBe(2);
  });

  it('refuses connections, then serves again on the same port', async () => {
    expect((await fetch(`${platform.url}/images/mug-enamel-01.svg`)).status).toBe(200);
    platform.faults.set({ refuseConnections: true });
    const fresh = await new Promise<string>((resolve) => {
      const socket = connect(platform.port, '127.0.0.1', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: Error & { code?: string }) => resolve(error.code ?? 'error'));
    });
    expect(fresh).toBe('ECONNREFUSED');
    await expect(fetch(`${platform.url}/images/mug-enamel-01.svg`)).rejects.toThrow();
    platform.faults.set({ refuseConnections: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await fetch(`${platform.url}/images/mug-enamel-01.svg`)).status).toBe(200);
  });

  it('is settable over HTTP, including a timed refusal', async () => {
    const set = await internal(platform, 'PUT', '/faults', { unavailableRate: 0.25, latencyMs: 5, seed: 3 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ unavailableRate: 0.25, latencyMs: 5, seed: 3 });
    expect(platform.faults.settings.unavailableRate).toBe(0.25);
    expect((await internal(platform, 'DELETE', '/faults')).body.unavailableRate).toBe(0);

    await internal(platform, 'PUT', '/faults', { refuseConnections: true, refuseForMs: 150 });
    const refused = await fetch(`${platform.url}/__platform/health`).then(() => 'answered', () => 'refused');
    expect(refused).toBe('refused');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await internal(platform, 'GET', '/faults')).body.refuseConnections).toBe(false);
  });

  it('refuses bad settings, over HTTP and programmatically', async () => {
    for (const body of [{ unavailableRate: 2 }, { latencyMs: -1 }, { latencyMs: 'slow' }, { refuseConnections: 'yes' }, { seed: 1.5 }, { nope: 1 }, [], '{']) {
      const answer = await internal(platform, 'PUT', '/faults', body);
      expect(answer.status).toBe(400);
      expect(['InvalidInput', 'InvalidJsonInput']).toContain(answer.body.errors[0].code);
    }
    expect((await internal(platform, 'PUT', '/faults', { refuseConnections: true, refuseForMs: -5 })).status).toBe(400);
    expect(() => platform.faults.set({ unavailableRate: -0.1 })).toThrow(FaultSettingsError);
    expect(platform.faults.settings.unavailableRate).toBe(0);
  });
});
