import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformDataCorruptError, PlatformDataSchemaError } from '@ctp-session/platform';
import { call, createBrowser, createSdk, dataOf } from '@ctp-session/hub/testing';
import { DataFolderInUseError, openDataFolder, PLATFORM_DATA_FILE, SESSION_SECRET_FILE, SessionSecretFileError } from '../src/dataFolder.js';
import { startStore, type Store, type StoreOptions } from '../src/startStore.js';

const dirs: string[] = [];
const stores: Store[] = [];
const newDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'store-data-'));
  dirs.push(dir);
  return dir;
};
const start = async (options: StoreOptions): Promise<Store> => {
  const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, frontend: false, quiet: true, env: {}, ...options });
  stores.push(store);
  return store;
};
const refusal = (options: StoreOptions): Promise<unknown> =>
  start(options).then(
    () => {
      throw new Error('expected the store to refuse to start');
    },
    (error: unknown) => error,
  );
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Line { readonly sku: string; readonly quantity: number }

describe('the data folder', () => {
  it("keeps a signed-in shopper's session, cart and orders across a restart (the real frontend-sdk, the same cookie)", async () => {
    const dataDir = newDir();
    let store = await start({ dataDir });
    expect(store.dataDir).toBe(dataDir);
    const shopper = createBrowser();
    let sdk = createSdk(store.hubUrl);
    dataOf(await call(sdk, shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01', count: 2 }));
    const demo = store.platform?.demoCustomer ?? { email: '', password: '' };
    dataOf(await call(sdk, shopper, 'account/login', demo));
    const order = dataOf(await call<{ id: string; customerId?: string }>(sdk, shopper, 'cart/checkout', { shippingAddress: { country: 'DE' } }));
    dataOf(await call(sdk, shopper, 'cart/addToCart', { sku: 'LAMP-READ-01' }));
    await store.close();
    stores.length = 0;

    store = await start({ dataDir });
    sdk = createSdk(store.hubUrl);
    const account = dataOf(await call<{ loggedIn: boolean; customer?: { email: string; id: string } }>(sdk, shopper, 'account/getAccount'));
    expect(account).toMatchObject({ loggedIn: true, customer: { email: demo.email } });
    const cart = dataOf(await call<{ lineItems: Line[] }>(sdk, shopper, 'cart/getCart'));
    expect(cart.lineItems.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual([{ sku: 'LAMP-READ-01', quantity: 1 }]);
    const stored = (await store.readBackend(`/orders/${order.id}`)) as { customerId: string; lineItems: { variant: { sku: string }; quantity: number }[] };
    expect(stored.customerId).toBe(account.customer?.id);
    expect(stored.lineItems.map((item) => [item.variant.sku, item.quantity])).toEqual([['MUG-ENAMEL-01', 2]]);
  });

  it("keeps the hub's session secret in the folder (readable by its owner only), unless HUB_SESSION_SECRET is set", async () => {
    const dataDir = newDir();
    const first = await start({ dataDir });
    const secretFile = join(dataDir, SESSION_SECRET_FILE);
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    await first.close();
    stores.length = 0;
    expect((await start({ dataDir })).sessionSecret).toBe(first.sessionSecret);

    const other = newDir();
    const configured = 'a-configured-secret-of-at-least-thirty-two-characters';
    expect((await start({ dataDir: other, env: { HUB_SESSION_SECRET: configured } })).sessionSecret).toBe(configured);
    expect(existsSync(join(other, SESSION_SECRET_FILE))).toBe(false);
  });

  it('without a data folder everything is in memory, and the start says so', async () => {
    const lines: string[] = [];
    const store = await start({ log: (line) => lines.push(line), quiet: false });
    expect(store.dataDir).toBeUndefined();
    expect(store.platform?.dataFile).toBeUndefined();
    expect(lines).toContain('data: in memory (gone when the store stops)');
    expect(store.backend).toContain('data in memory');
  });

  it('refuses a second store on the same folder, naming the first one by PID; a folder a dead store left is taken over', async () => {
    const dataDir = newDir();
    const first = await start({ dataDir });
    const error = await refusal({ dataDir });
    expect(error).toBeInstanceOf(DataFolderInUseError);
    expect(error).toMatchObject({ code: 'STORE_DATA_IN_USE' });
    expect((error as Error).message).toContain(`PID ${process.pid}`);
    expect((error as Error).message).toContain(dataDir);
    await first.close();
    stores.length = 0;

    // A lock whose owner is gone (a store killed outright): the next start takes it over at once.
    mkdirSync(join(dataDir, 'store.lock'));
    writeFileSync(join(dataDir, 'store.lock', 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 17, since: '2026-01-01T00:00:00.000Z', command: 'node cli.ts', token: 'gone' }));
    const lines: string[] = [];
    await start({ dataDir, quiet: false, log: (line) => lines.push(line) });
    expect(lines.some((line) => line.includes(`taking over the data folder lock left by PID ${2 ** 22 + 17}`))).toBe(true);
  });

  it('refuses a damaged database with the named error, the file and `yarn start --fresh`, and changes nothing', async () => {
    const dataDir = newDir();
    const file = join(dataDir, PLATFORM_DATA_FILE);
    writeFileSync(file, 'SQLite format 3\0 but then nothing a database would hold, only text to look like a broken page.');
    const before = readFileSync(file);
    const lines: string[] = [];
    const error = await refusal({ dataDir, quiet: false, log: (line) => lines.push(line) });
    expect(error).toBeInstanceOf(PlatformDataCorruptError);
    // Refused before any port is held or anything is built.
    expect(lines.filter((line) => /answers "starting"|extensions bundle|commerce backend/.test(line))).toEqual([]);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('yarn start --fresh');
    expect(readFileSync(file).equals(before)).toBe(true);
    // The refused start released the folder: the next one is not told it is in use.
    expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
  });

  it('refuses a database of another schema the same way', async () => {
    const dataDir = newDir();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(dataDir, PLATFORM_DATA_FILE));
    db.exec('CREATE TABLE resources (id TEXT); PRAGMA user_version = 99;');
    db.close();
    const error = await refusal({ dataDir });
    expect(error).toBeInstanceOf(PlatformDataSchemaError);
    expect((error as Error).message).toContain('yarn start --fresh');
  });

  it('fresh: moves the database (with its WAL) and the secret aside as backups beside them, then starts from the seed', async () => {
    const dataDir = newDir();
    const file = join(dataDir, PLATFORM_DATA_FILE);
    writeFileSync(file, 'a damaged database');
    writeFileSync(`${file}-wal`, 'its write-ahead log');
    writeFileSync(join(dataDir, SESSION_SECRET_FILE), 'an-old-secret-that-is-long-enough-to-be-used-here\n');
    const lines: string[] = [];
    const store = await start({ dataDir, fresh: true, quiet: false, log: (line) => lines.push(line) });
    const names = readdirSync(dataDir).sort();
    const backup = names.find((name) => /^platform-backup-.+Z\.sqlite$/.test(name)) ?? '';
    expect(readFileSync(join(dataDir, backup), 'utf8')).toBe('a damaged database');
    expect(readFileSync(join(dataDir, `${backup}-wal`), 'utf8')).toBe('its write-ahead log');
    expect(names.some((name) => /^session-secret-backup-.+Z$/.test(name))).toBe(true);
    expect(store.sessionSecret).not.toBe('an-old-secret-that-is-long-enough-to-be-used-here');
    expect(lines.some((line) => line.startsWith('--fresh: the old data is kept beside it as platform-backup-'))).toBe(true);
    // From the seed: the catalogue is there, in the new file.
    const products = (await store.readBackend('/product-projections?limit=1')) as { total: number };
    expect(products.total).toBe(14);
  });

  it('a session secret file that holds no usable secret is a named error naming the file', async () => {
    const dataDir = newDir();
    writeFileSync(join(dataDir, SESSION_SECRET_FILE), 'short\n');
    const error = await refusal({ dataDir });
    expect(error).toBeInstanceOf(SessionSecretFileError);
    expect(error).toMatchObject({ code: 'STORE_SESSION_SECRET_INVALID' });
    expect((error as Error).message).toContain(join(dataDir, SESSION_SECRET_FILE));
  });

  it('openDataFolder alone: a second open is refused while the first holds it, and allowed once released', async () => {
    const dataDir = newDir();
    const first = await openDataFolder(dataDir, { log: () => undefined });
    await expect(openDataFolder(dataDir, { log: () => undefined })).rejects.toBeInstanceOf(DataFolderInUseError);
    first.release();
    (await openDataFolder(dataDir, { log: () => undefined })).release();
  });
});
