import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { IncompleteProjectSettingsError } from '../src/commerceBackend.js';
import { isPortFree, PortBusyError } from '../src/ports.js';
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

  it('refuses a half-set CTP_* configuration, naming what is missing', async () => {
    const error = await startStore({ port: 0, hubPort: 0, platformPort: 0, frontend: false, quiet: true, env: { CTP_PROJECT_KEY: 'p', CTP_CLIENT_ID: 'id' } }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IncompleteProjectSettingsError);
    expect((error as Error).message).toContain('CTP_CLIENT_SECRET, CTP_AUTH_URL, CTP_API_URL');
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
});
