import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { deriveSessionKey, encodeSession } from '@ctp-session/hub';
import { IncompleteProjectSettingsError } from '../src/commerceBackend.js';
import { FrontendStartError } from '../src/nextServer.js';
import { FRONTEND_ROOT } from '../src/paths.js';
import { InvalidPortError, isPortFree, PortBusyError } from '../src/ports.js';
import { startStore } from '../src/startStore.js';

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

describe('the store orchestrator (yarn start)', () => {
  it.each([
    ['hubPort', 'the API hub', 'HUB_PORT'],
    ['platformPort', 'the embedded commercetools platform', 'PLATFORM_PORT'],
    ['smtpPort', 'the mail sink', 'PLATFORM_SMTP_PORT'],
    ['port', 'the frontend', 'PORT'],
  ] as const)('a busy %s is a clear error naming it', async (option, part, variable) => {
    const { server, port } = await occupy();
    try {
      const ports = { port: 0, hubPort: 0, platformPort: 0, smtpPort: 0, [option]: port };
      // A busy port fails before any build, so the frontend's case needs no Next.js build either.
      const error = await startStore({ ...ports, frontend: option === 'port', quiet: true, env: {} }).then(
        (store) => store.close(),
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PortBusyError);
      expect((error as PortBusyError).code).toBe('PORT_BUSY');
      expect((error as Error).message).toContain(`Port ${port} (${part})`);
      expect((error as Error).message).toContain(variable);
    } finally {
      server.close();
    }
  });

  it('refuses a half-set CTP_* configuration, naming what is missing, before any build', async () => {
    const lines: string[] = [];
    const error = await startStore({ port: 0, hubPort: 0, platformPort: 0, log: (line) => lines.push(line), env: { CTP_PROJECT_KEY: 'p', CTP_CLIENT_ID: 'id' } }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IncompleteProjectSettingsError);
    expect((error as Error).message).toContain('CTP_CLIENT_SECRET, CTP_AUTH_URL, CTP_API_URL');
    expect(lines).toEqual([]);
  });

  it.each([
    ['HUB_PORT', 'abc'],
    ['PORT', '3000.5'],
    ['PLATFORM_PORT', '70000'],
    ['PLATFORM_SMTP_PORT', '-1'],
  ])('refuses %s=%s, naming the variable', async (variable, value) => {
    const error = await startStore({ frontend: false, quiet: true, env: { [variable]: value } }).then(
      (store) => store.close(),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidPortError);
    expect((error as InvalidPortError).code).toBe('PORT_INVALID');
    expect((error as Error).message).toBe(`${variable}=${JSON.stringify(value)} is not a port: give a whole number from 0 to 65535 (0 picks a free port), or leave it unset for the default.`);
  });

  it('a Next.js server that cannot start is its own error with its output, not a busy port, and frees every port', async () => {
    // A build folder that looks fresh (a BUILD_ID newer than every source) but holds no build.
    const distDir = `.next-broken-${process.pid}`;
    mkdirSync(join(FRONTEND_ROOT, distDir), { recursive: true });
    writeFileSync(join(FRONTEND_ROOT, distDir, 'BUILD_ID'), 'broken');
    const ports = await Promise.all([occupy(), occupy(), occupy(), occupy()]);
    const numbers = ports.map(({ port }) => port);
    ports.forEach(({ server }) => server.close());
    const [port, hubPort, platformPort, smtpPort] = numbers;
    try {
      const error = await startStore({ port, hubPort, platformPort, smtpPort, nextDistDir: distDir, quiet: true, env: {} }).then(
        (store) => store.close(),
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(FrontendStartError);
      expect((error as FrontendStartError).code).toBe('FRONTEND_START_FAILED');
      expect((error as Error).message).toMatch(/^The frontend \(Next\.js production server\) exited \(code \d+\)\. Its last output:\n/);
      for (const each of numbers) expect(await isPortFree(each ?? 0)).toBe(true);
    } finally {
      rmSync(join(FRONTEND_ROOT, distDir), { recursive: true, force: true });
    }
  });

  it('decodes sessions written with every HUB_SESSION_SECRET (newest first), so a rotation logs nobody out', async () => {
    const newest = 'store-test-new-secret-0123456789abcdefghijkl';
    const older = 'store-test-old-secret-0123456789abcdefghijkl';
    const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, frontend: false, quiet: true, env: { HUB_SESSION_SECRET: `${newest}, ${older}` } });
    try {
      expect(store.sessionSecret).toBe(newest);
      const rewardPointsWith = async (token: string): Promise<unknown> => {
        const answer = await fetch(`${store.hubUrl}/frontastic/action/examples/getRewardPoints`, { method: 'POST', headers: { 'frontastic-session': token }, body: '{}' });
        expect(answer.status).toBe(200);
        return answer.json();
      };
      const writtenWithOlder = await encodeSession({ rewardPoints: 7 }, await deriveSessionKey(older));
      const writtenWithNewest = await encodeSession({ rewardPoints: 9 }, await deriveSessionKey(newest));
      expect(await rewardPointsWith(writtenWithOlder)).toEqual({ rewardPoints: 7 });
      expect(await rewardPointsWith(writtenWithNewest)).toEqual({ rewardPoints: 9 });
      const foreign = await encodeSession({ rewardPoints: 5 }, await deriveSessionKey('store-test-foreign-secret-0123456789abcdefgh'));
      expect(await rewardPointsWith(foreign)).toEqual({ rewardPoints: 0 });
    } finally {
      await store.close();
    }
  });

  it('starts platform and hub wired together, and close() frees every port', async () => {
    const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, frontend: false, quiet: true, env: {} });
    const hubPort = Number(new URL(store.hubUrl).port);
    const platformPort = store.platform?.port ?? 0;
    const smtpPort = store.platform?.smtp.port ?? 0;
    expect(smtpPort).toBeGreaterThan(0);
    try {
      const answer = await fetch(`${store.hubUrl}/frontastic/action/cart/addToCart`, { method: 'POST', body: JSON.stringify({ sku: 'MUG-ENAMEL-01' }) });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { lineItems: unknown[] }).lineItems).toHaveLength(1);
      expect(answer.headers.get('frontastic-session')).toEqual(expect.any(String));
    } finally {
      await store.close();
    }
    expect(await isPortFree(hubPort)).toBe(true);
    expect(await isPortFree(platformPort)).toBe(true);
    expect(await isPortFree(smtpPort)).toBe(true);
  });

  it('in development mode (startStore for yarn dev) serves the incremental bundle, in memory without a data folder, and close() removes it', async () => {
    const lines: string[] = [];
    const store = await startStore({ mode: 'development', port: 0, hubPort: 0, platformPort: 0, frontend: false, log: (line) => lines.push(line), hubLogger: { log: () => undefined }, env: {} });
    const hubPort = Number(new URL(store.hubUrl).port);
    const status = (await (await fetch(`${store.hubUrl}/frontastic/status`)).json()) as { bundle: { file: string } };
    const kept = status.bundle.file;
    try {
      expect(store.mode).toBe('development');
      expect(lines.some((line) => /✓ extensions bundle \(incremental, type-checked\): built \(\d+ KiB\) and type-checked/.test(line))).toBe(true);
      expect(kept).toMatch(/store-dev-bundle-.*bundle\.min\.js$/);
      const answer = await fetch(`${store.hubUrl}/frontastic/action/cart/getCart`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(200);
    } finally {
      await store.close();
    }
    expect(existsSync(kept)).toBe(false);
    expect(lines).toContain("stopped the extensions bundle's incremental build and type checker");
    expect(await isPortFree(hubPort)).toBe(true);
  });
});
