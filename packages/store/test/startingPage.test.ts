import { describe, expect, it } from '@jest/globals';
import { connect, createServer, type Socket } from 'node:net';
import { explainStartFailure, holdPort, isPortFree, PortBusyError, type PortClaim } from '../src/ports.js';
import { startingAnswer, STARTING_HEADER } from '../src/startingPage.js';

const claim = (port = 0): PortClaim => ({ port, part: 'the frontend', variable: 'PORT' });
const holdWithStartingPage = (step?: string) =>
  holdPort(claim(), { kind: 'http', listener: startingAnswer('the store', () => (step === undefined ? undefined : { step, sinceMs: 42_000 })) });

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('the starting page on a held port', () => {
  it('answers a browser at once with 503, Retry-After and a page that says what the store is doing', async () => {
    const hold = await holdWithStartingPage('frontend build (next build)');
    try {
      const answer = await fetch(`http://127.0.0.1:${hold.port}/p/MUG-ENAMEL-01`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('connection')).toBe('close');
      expect(answer.headers.get(STARTING_HEADER)).toBe('1');
      expect(answer.headers.get('content-type')).toContain('text/html');
      const html = await answer.text();
      expect(html).toContain('The store is starting');
      expect(html).toContain('Now: frontend build (next build) (42 s).');
    } finally {
      await hold.release();
    }
  });

  it('answers API clients (and POSTs) with the same as JSON', async () => {
    const hold = await holdWithStartingPage('API hub');
    try {
      for (const init of [{}, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: '{"sku":' }]) {
        const answer = await fetch(`http://127.0.0.1:${hold.port}/api/health`, init);
        expect(answer.status).toBe(503);
        expect(answer.headers.get('content-type')).toBe('application/json');
        expect(await answer.json()).toEqual({
          status: 'starting',
          part: 'the store',
          message: 'The store is starting; it opens in a moment. Try again after 2 seconds.',
          step: 'API hub',
          stepSeconds: 42,
          retryAfterSeconds: 2,
        });
      }
    } finally {
      await hold.release();
    }
  });

  it('escapes what it shows', async () => {
    const hold = await holdWithStartingPage('<script>alert(1)</script>');
    try {
      const html = await (await fetch(`http://127.0.0.1:${hold.port}/`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    } finally {
      await hold.release();
    }
  });

  it('answers HEAD without a body', async () => {
    const hold = await holdWithStartingPage();
    try {
      const answer = await fetch(`http://127.0.0.1:${hold.port}/`, { method: 'HEAD' });
      expect(answer.status).toBe(503);
      expect(await answer.text()).toBe('');
    } finally {
      await hold.release();
    }
  });

  it('never lets a silent or half-sent connection hold up the release, and frees the port', async () => {
    const hold = await holdWithStartingPage();
    const silent = await openSocket(hold.port);
    const halfSent = await openSocket(hold.port);
    halfSent.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closed = Promise.all([silent, halfSent].map((socket) => new Promise((resolve) => socket.once('close', resolve))));
    await hold.release();
    await closed;
    expect(await isPortFree(hold.port)).toBe(true);
  });

  it('cuts a silent connection by itself after a moment', async () => {
    const hold = await holdWithStartingPage();
    try {
      const silent = await openSocket(hold.port);
      await new Promise((resolve) => silent.once('close', resolve));
    } finally {
      await hold.release();
    }
  });

  it('greets SMTP clients on the mail sink port with 421 and hangs up', async () => {
    const hold = await holdPort({ port: 0, part: 'the mail sink', variable: 'PLATFORM_SMTP_PORT' }, { kind: 'tcp', greet: (socket) => socket.end('421 4.3.2 starting\r\n') });
    try {
      const socket = await openSocket(hold.port);
      let said = '';
      socket.on('data', (chunk: Buffer) => (said += chunk.toString()));
      await new Promise((resolve) => socket.once('close', resolve));
      expect(said).toBe('421 4.3.2 starting\r\n');
    } finally {
      await hold.release();
    }
  });
});

describe('ports taken', () => {
  it('a busy port is a PortBusyError naming the part and its variable', async () => {
    const hold = await holdWithStartingPage();
    try {
      const error = await holdPort(claim(hold.port), { kind: 'tcp', greet: (socket) => socket.destroy() }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PortBusyError);
      expect((error as Error).message).toBe(`Port ${hold.port} (the frontend) is already in use on 127.0.0.1. Stop whatever uses it, or choose another port with PORT.`);
    } finally {
      await hold.release();
    }
  });

  it('a port taken between its release and the part listening is the same PortBusyError', async () => {
    const interloper = createServer();
    await new Promise<void>((resolve) => interloper.listen(0, '127.0.0.1', resolve));
    const address = interloper.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const original = new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
      const explained = await explainStartFailure(original, [{ port: 0, part: 'random', variable: 'X' }, claim(port)]);
      expect(explained).toBeInstanceOf(PortBusyError);
      expect((explained as PortBusyError).port).toBe(port);
    } finally {
      interloper.close();
    }
    const unrelated = new Error('the bundle does not load');
    expect(await explainStartFailure(unrelated, [claim(port)])).toBe(unrelated);
  });
});
