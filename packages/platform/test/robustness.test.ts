import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { anonymousToken, api, startPlatform, type Platform } from './support/platform.js';

describe('robustness', () => {
  let platform: Platform;
  const internalErrors: unknown[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, onError: (error) => internalErrors.push(error) });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a client hanging up mid-body is neither an error nor a crash', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(platform.port, '127.0.0.1', () => {
        socket.write(`POST /${platform.projectKey}/me/carts HTTP/1.1\r\nHost: 127.0.0.1:${platform.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"curr`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 20);
      });
      socket.on('error', reject);
    });
    const token = (await anonymousToken(platform)).access_token;
    expect((await api(platform, 'POST', '/me/carts', token, { currency: 'EUR' })).status).toBe(201);
    expect(internalErrors).toEqual([]);
  });

  it('refuses a body over commercetools’ 16 MB limit with 413', async () => {
    const token = (await anonymousToken(platform)).access_token;
    const huge = JSON.stringify({ currency: 'EUR', key: 'x'.repeat(16 * 1024 * 1024) });
    const answer = await fetch(`${platform.apiUrl}/${platform.projectKey}/me/carts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: huge,
    }).then(
      (response) => ({ status: response.status }),
      () => ({ status: 0 }),
    );
    // The platform answers 413 as soon as the limit is passed; a client may also see the socket close first.
    expect([0, 413]).toContain(answer.status);
    expect((await api(platform, 'GET', '/me/carts', token)).status).toBe(200);
    expect(internalErrors).toEqual([]);
  });

  it('serves many guests at once without mixing their carts', async () => {
    const guests = await Promise.all(Array.from({ length: 20 }, (_, i) => anonymousToken(platform, `crowd-${i}`)));
    const carts = await Promise.all(guests.map((guest) => api(platform, 'POST', '/me/carts', guest.access_token, { currency: 'EUR' })));
    await Promise.all(
      guests.map((guest, i) =>
        api(platform, 'POST', `/me/carts/${carts[i]?.body.id}`, guest.access_token, { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: i + 1 }] }),
      ),
    );
    const active = await Promise.all(guests.map((guest) => api(platform, 'GET', '/me/active-cart', guest.access_token)));
    active.forEach((answer, i) => {
      expect(answer.body.id).toBe(carts[i]?.body.id);
      expect(answer.body.anonymousId).toBe(`crowd-${i}`);
      expect(answer.body.lineItems[0].quantity).toBe(i + 1);
    });
  });
});
