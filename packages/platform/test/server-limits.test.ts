import { connect } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_HTTP_LIMITS } from '../src/index.js';
import { startPlatform } from './support/platform.js';

const limits = { headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 150, maxConnections: 2 };

/** Sends `text` on a fresh socket and resolves, once the platform closes it, with what it answered. */
function untilClosed(url: string, text: string, keepWriting?: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => socket.write(text));
    let answer = '';
    const trickle = keepWriting === undefined ? undefined : setInterval(() => socket.write(keepWriting), 50);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(trickle);
      resolve(answer);
    });
  });
}

describe('the platform sets its server limits explicitly', () => {
  it('defaults to 10 s for headers, 60 s per request (bodies up to 16 MB), 5 s keep-alive, 1000 connections', () => {
    expect(DEFAULT_HTTP_LIMITS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
  });

  it('refuses limits that cannot work', async () => {
    await expect(startPlatform({ seed: false, httpLimits: { requestTimeoutMs: 0 } })).rejects.toMatchObject({ code: 'PLATFORM_INVALID_OPTION' });
    await expect(startPlatform({ seed: false, httpLimits: { headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 } })).rejects.toMatchObject({ code: 'PLATFORM_INVALID_OPTION' });
  });

  it('cuts slow headers, answers 408 to a trickling body, closes idle keep-alive sockets and caps connections', async () => {
    const platform = await startPlatform({ seed: false, httpLimits: limits, allowedHosts: ['platform.test'] });
    try {
      const head = 'POST /oauth/token HTTP/1.1\r\nHost: platform.test\r\n';
      // Closed with a 408 or with nothing: never answered.
      expect(await untilClosed(platform.url, head)).toMatch(/^(HTTP\/1\.1 408 [^]*)?$/);
      expect(await untilClosed(platform.url, `${head}Content-Length: 500\r\n\r\ngrant_type=`, 'x')).toMatch(/^HTTP\/1\.1 408/);
      expect(await untilClosed(platform.url, 'GET /__platform/health HTTP/1.1\r\nHost: platform.test\r\n\r\n')).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await platform.close();
    }
    const capped = await startPlatform({ seed: false, allowedHosts: ['platform.test'], httpLimits: { ...limits, headersTimeoutMs: 20_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 20_000 } });
    const { port } = new URL(capped.url);
    const held = Array.from({ length: limits.maxConnections }, () => connect({ host: '127.0.0.1', port: Number(port) }));
    try {
      await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
      expect(await untilClosed(capped.url, 'GET /__platform/health HTTP/1.1\r\nHost: platform.test\r\n\r\n')).toBe('');
      expect(held.every((socket) => !socket.destroyed)).toBe(true);
    } finally {
      for (const socket of held) socket.destroy();
      await capped.close();
    }
  }, 20_000);
});
