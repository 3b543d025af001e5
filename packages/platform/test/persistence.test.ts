import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SQLiteStorage } from '@labdigital/commercetools-mock/sqlite';
import nodemailer from 'nodemailer';
import { PlatformDataCorruptError, PlatformDataSchemaError, SCHEMA_VERSION } from '../src/index.js';
import { anonymousToken, api, customerToken, startPlatform, tokenRequest, type Platform } from './support/platform.js';

const refresh = (platform: Platform, refreshToken: string) => tokenRequest(platform, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
const revoke = (platform: Platform, token: string) => tokenRequest(platform, '/oauth/token/revoke', { token }).catch(() => undefined);

let dir: string;
let file: string;
const started: Platform[] = [];
const start = async (options: { recovery?: string } = {}): Promise<Platform> => {
  const platform = await startPlatform({ port: 0, dataFile: file, onMail: () => undefined, ...(options.recovery ? { dataRecovery: options.recovery } : {}) });
  started.push(platform);
  return platform;
};
const restart = async (platform: Platform): Promise<Platform> => {
  await platform.close();
  return start();
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'platform-data-'));
  file = join(dir, 'platform.sqlite');
});
afterEach(async () => {
  for (const platform of started.splice(0)) await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a platform with a data file', () => {
  it('says where its data is; without one it is in memory', async () => {
    const platform = await start();
    expect(platform.dataFile).toBe(file);
    const inMemory = await startPlatform({ port: 0, onMail: () => undefined });
    started.push(inMemory);
    expect(inMemory.dataFile).toBeUndefined();
  });

  it("keeps a signed-in shopper's cart, orders, tokens and the catalogue's ids across a restart", async () => {
    let platform = await start();
    const guest = await anonymousToken(platform);
    const created = await api(platform, 'POST', '/me/carts', guest.access_token, { currency: 'EUR' });
    const withMug = await api(platform, 'POST', `/me/carts/${created.body.id}`, guest.access_token, { version: created.body.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 2 }] });
    expect(withMug.status).toBe(200);
    const signedIn = await api(platform, 'POST', '/me/login', guest.access_token, { email: platform.demoCustomer.email, password: platform.demoCustomer.password });
    expect(signedIn.status).toBe(200);
    const customer = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    const cart = (await api(platform, 'GET', '/me/active-cart', customer.access_token)).body;
    const order = await api(platform, 'POST', '/me/orders', customer.access_token, { id: cart.id, version: cart.version });
    expect(order.status).toBe(201);
    const productsBefore = (await api(platform, 'GET', '/product-projections?limit=100', customer.access_token)).body.results.map((p: { id: string }) => p.id).sort();

    platform = await restart(platform);

    // The customer's access token still works, and so does their refresh token.
    const me = await api(platform, 'GET', '/me', customer.access_token);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(platform.demoCustomer.email);
    const orders = await api(platform, 'GET', '/me/orders', customer.access_token);
    expect(orders.body.results).toEqual([expect.objectContaining({ id: order.body.id, orderState: 'Open' })]);
    expect(orders.body.results[0].lineItems).toEqual([expect.objectContaining({ variant: expect.objectContaining({ sku: 'MUG-ENAMEL-01' }), quantity: 2 })]);
    const renewed = await refresh(platform, customer.refresh_token ?? '');
    expect(renewed.status).toBe(200);
    expect((await api(platform, 'GET', `/me/carts/${cart.id}`, renewed.body.access_token as string)).body).toMatchObject({ id: cart.id, cartState: 'Ordered' });
    // Seeding again found everything in place: the same products, one demo customer.
    const productsAfter = (await api(platform, 'GET', '/product-projections?limit=100', customer.access_token)).body.results.map((p: { id: string }) => p.id).sort();
    expect(productsAfter).toEqual(productsBefore);
    expect(productsAfter).toHaveLength(14);
    const admin = (await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' })).body.access_token as string;
    const demo = await api(platform, 'GET', `/customers?where=${encodeURIComponent(`email="${platform.demoCustomer.email}"`)}`, admin);
    expect(demo.body.results).toHaveLength(1);
  });

  it('a guest keeps their cart across a restart, and their refresh token still works', async () => {
    let platform = await start();
    const guest = await anonymousToken(platform);
    const created = await api(platform, 'POST', '/me/carts', guest.access_token, { currency: 'EUR' });
    platform = await restart(platform);
    expect((await api(platform, 'GET', '/me/active-cart', guest.access_token)).body).toMatchObject({ id: created.body.id, anonymousId: expect.any(String) });
    const renewed = await refresh(platform, guest.refresh_token ?? '');
    expect((await api(platform, 'GET', '/me/active-cart', renewed.body.access_token as string)).body.id).toBe(created.body.id);
  });

  it('a revoked token stays revoked after a restart', async () => {
    let platform = await start();
    const customer = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    const other = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    await revoke(platform, customer.refresh_token ?? '');
    await revoke(platform, other.access_token);
    platform = await restart(platform);
    expect((await refresh(platform, customer.refresh_token ?? '')).body).toMatchObject({ error: 'invalid_grant' });
    expect((await api(platform, 'GET', '/me', customer.access_token)).status).toBe(401);
    expect((await api(platform, 'GET', '/me', other.access_token)).status).toBe(401);
    // The other session's refresh token was not revoked and still works.
    expect((await refresh(platform, other.refresh_token ?? '')).status).toBe(200);
  });

  it('an email verification token issued before a restart confirms the address after it, once', async () => {
    let platform = await start();
    const admin = (await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' })).body.access_token as string;
    const signup = await api(platform, 'POST', '/customers', admin, { email: 'later@example.com', password: 'secret-123' });
    const token = await api(platform, 'POST', '/customers/email-token', admin, { id: signup.body.customer.id, ttlMinutes: 60 });
    platform = await restart(platform);
    const admin2 = (await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' })).body.access_token as string;
    const confirmed = await api(platform, 'POST', '/customers/email/confirm', admin2, { tokenValue: token.body.value });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.isEmailVerified).toBe(true);
    expect((await api(platform, 'POST', '/customers/email/confirm', admin2, { tokenValue: token.body.value })).status).toBe(404);
  });

  it('keeps the mail inbox across a restart, oldest first, and an emptied inbox stays empty', async () => {
    let platform = await start();
    const send = (target: Platform, subject: string) =>
      nodemailer.createTransport({ host: target.smtp.host, port: target.smtp.port, secure: false }).sendMail({ from: 'shop@example.com', to: 'ada@example.com', subject, text: `${subject} body` });
    await send(platform, 'Confirm your account');
    await send(platform, 'Your order');
    const ids = platform.mail.list().map((mail) => mail.id);
    platform = await restart(platform);
    expect(platform.mail.list('ADA@example.com').map((mail) => [mail.id, mail.subject, mail.text?.trim()])).toEqual([
      [ids[0], 'Confirm your account', 'Confirm your account body'],
      [ids[1], 'Your order', 'Your order body'],
    ]);
    const overHttp = (await (await fetch(`${platform.mailUrl}/${ids[1]}`)).json()) as { subject: string };
    expect(overHttp.subject).toBe('Your order');
    platform.mail.clear();
    platform = await restart(platform);
    expect(platform.mail.list()).toEqual([]);
  });

  it('keeps no token in clear in the file: access, refresh and email tokens are stored by hash', async () => {
    const platform = await start();
    const customer = await customerToken(platform, platform.demoCustomer.email, platform.demoCustomer.password);
    const admin = (await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' })).body.access_token as string;
    const me = await api(platform, 'GET', '/me', customer.access_token);
    const email = await api(platform, 'POST', '/customers/email-token', admin, { id: me.body.id, ttlMinutes: 60 });
    await platform.close();
    const bytes = [file, `${file}-wal`].map((path) => { try { return readFileSync(path).toString('latin1'); } catch { return ''; } }).join('');
    for (const secret of [customer.access_token, customer.refresh_token ?? '', admin, email.body.value as string]) expect(bytes).not.toContain(secret);
    expect(bytes).toContain('MUG-ENAMEL-01');
  });
});

describe('a data file the platform cannot use is refused and left as it is', () => {
  const startRefused = async (): Promise<unknown> => {
    try {
      started.push(await start({ recovery: 'Run `yarn start --fresh`.' }));
    } catch (error) {
      return error;
    }
    throw new Error('expected the start to be refused');
  };

  it('not a database at all', async () => {
    writeFileSync(file, 'these are not the bytes of a SQLite database, just some text of sufficient length to look like a header page.');
    const before = readFileSync(file);
    const error = await startRefused();
    expect(error).toBeInstanceOf(PlatformDataCorruptError);
    expect(error).toMatchObject({ code: 'PLATFORM_DATA_CORRUPT', file });
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('Run `yarn start --fresh`.');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a database cut short (a disk that filled up, a partial copy)', async () => {
    const platform = await start();
    await platform.close();
    started.length = 0;
    // Every page written: fold the WAL into the main file first, then cut it in half.
    const db = new DatabaseSync(file);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;');
    db.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = readFileSync(file);
    const error = await startRefused();
    expect(error).toBeInstanceOf(PlatformDataCorruptError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it(`a file of another schema version than ${SCHEMA_VERSION}, older or newer`, async () => {
    for (const version of [SCHEMA_VERSION + 1, SCHEMA_VERSION - 1 || -1]) {
      rmSync(file, { force: true });
      const db = new DatabaseSync(file);
      db.exec(`CREATE TABLE resources (id TEXT); PRAGMA user_version = ${version};`);
      db.close();
      const before = readFileSync(file);
      const error = await startRefused();
      expect(error).toBeInstanceOf(PlatformDataSchemaError);
      expect(error).toMatchObject({ code: 'PLATFORM_DATA_SCHEMA_MISMATCH', file });
      expect((error as Error).message).toMatch(version > SCHEMA_VERSION ? /a newer platform/ : /an older platform/);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it("the mock's own SQLite storage, without the platform's tables", async () => {
    const storage = new SQLiteStorage({ filename: file });
    storage.close();
    const error = await startRefused();
    expect(error).toBeInstanceOf(PlatformDataSchemaError);
    expect((error as Error).message).toContain("commercetools-mock's own storage");
  });
});
