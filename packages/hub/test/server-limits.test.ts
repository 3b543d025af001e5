import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SERVER_LIMITS } from '../src/index.js';
import { resolveHubOptions } from '../src/options.js';
import { openRawSocket } from './support/raw-socket.js';
import { startTestHub } from './support/start-test-hub.js';

// Small limits so a slow client is cut in well under a second; the defaults are pinned separately.
const limits = { headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 150, maxConnections: 3 };
const REQUEST_LINE = 'POST /frontastic/action/session/read HTTP/1.1\r\nHost: hub.test\r\n';

describe('server limits are set explicitly', () => {
  it('defaults to 10 s for headers, 30 s per request, 5 s keep-alive and 1000 connections', () => {
    expect(DEFAULT_SERVER_LIMITS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    expect(resolveHubOptions({}, {}).serverLimits).toEqual(DEFAULT_SERVER_LIMITS);
  });

  it('refuses limits that cannot work', async () => {
    await expect(startTestHub({ serverLimits: { maxConnections: 0 } })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
    await expect(startTestHub({ serverLimits: { headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 } })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('cuts a client that never finishes its headers', async () => {
    const hub = await startTestHub({ serverLimits: limits, allowedHosts: ['hub.test'] });
    try {
      const client = await openRawSocket(hub.url);
      client.write(REQUEST_LINE);
      await client.closed;
      expect(client.received()).not.toMatch(/200 OK/);
    } finally {
      await hub.close();
    }
  });

  it('answers 408 to a body that trickles in, and closes the socket', async () => {
    const hub = await startTestHub({ serverLimits: limits, allowedHosts: ['hub.test'] });
    try {
      const client = await openRawSocket(hub.url);
      client.write(`${REQUEST_LINE}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`);
      const trickle = setInterval(() => client.write(' '), 50);
      await client.closed;
      clearInterval(trickle);
      expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await hub.close();
    }
  });

  it('closes an idle keep-alive socket after the keep-alive timeout', async () => {
    const hub = await startTestHub({ serverLimits: limits, allowedHosts: ['hub.test'] });
    try {
      const client = await openRawSocket(hub.url);
      client.write(`${REQUEST_LINE}Content-Length: 2\r\n\r\n{}`);
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await hub.close();
    }
  });

  it('refuses connections beyond the cap while the others stay open', async () => {
    const hub = await startTestHub({ serverLimits: { ...limits, headersTimeoutMs: 20_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 20_000 } });
    const open = [];
    try {
      for (let i = 0; i < limits.maxConnections; i++) {
        const client = await openRawSocket(hub.url);
        client.write(REQUEST_LINE);
        open.push(client);
      }
      const extra = await openRawSocket(hub.url);
      await extra.closed;
      expect(extra.received()).toBe('');
      expect(open.every((client) => !client.socket.destroyed)).toBe(true);
    } finally {
      for (const client of open) client.destroy();
      await hub.close();
    }
  });
});
