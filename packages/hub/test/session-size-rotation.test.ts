import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COOKIE_LIMIT_BYTES, decodeSession, deriveSessionKey, encodeSession, HEADER, sessionCookieLength, sessionTokenLength } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { call, createBrowser, createSdk, dataOf, type SDK } from './support/sdk-browser.js';
import { SECRET_A, SECRET_B, startTestHub, type TestHub } from './support/start-test-hub.js';

describe('the 4096-byte cookie limit', () => {
  let hub: TestHub;
  let sdk: SDK;
  let largestFitting: number;

  beforeAll(async () => {
    hub = await startTestHub();
    sdk = createSdk(hub.url);
    // The boundary found with the real encoder, not a formula: the longest pad whose cookie still fits.
    const key = await deriveSessionKey(SECRET_A);
    const cookieLength = async (length: number) => 18 + (await encodeSession({ pad: 'x'.repeat(length) }, key)).length;
    let low = 0;
    let high = 4096;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((await cookieLength(middle)) <= COOKIE_LIMIT_BYTES) low = middle;
      else high = middle - 1;
    }
    largestFitting = low;
  });

  afterAll(() => hub.close());

  it('issues the largest session that fits, and the cookie is within the limit', async () => {
    const browser = createBrowser();
    const response = await call(sdk, browser, 'session/pad', { length: largestFitting });
    expect(response.isError).toBe(false);
    const cookie = browser.sessionCookie() as string;
    expect(18 + cookie.length).toBeLessThanOrEqual(COOKIE_LIMIT_BYTES);
    // Within one base64 step (4 characters) of the limit: this really is the boundary.
    expect(18 + cookie.length).toBeGreaterThan(COOKIE_LIMIT_BYTES - 4);
    expect(await decodeSession(cookie, [await deriveSessionKey(SECRET_A)])).toMatchObject({ ok: true, session: { pad: 'x'.repeat(largestFitting) } });
    // 2191 bytes of session JSON: {"pad":"…"} is 10 bytes plus the pad.
    expect(largestFitting + 10).toBe(2191);
  });

  it('refuses one byte more: the action still answers, a warning header and a log line, the previous session survives', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/pad', { length: largestFitting }));
    const previous = browser.sessionCookie() as string;

    const raw = await rawCall(`${hub.url}/frontastic/action/session/pad`, { token: previous, body: JSON.stringify({ length: largestFitting + 1 }) });
    expect(raw.status).toBe(200);
    expect(raw.json()).toEqual({ ok: true });
    const wouldBe = sessionCookieLength(sessionTokenLength(largestFitting + 11));
    expect(wouldBe).toBeGreaterThan(COOKIE_LIMIT_BYTES);
    expect(raw.headers.get(HEADER.sessionRefused)).toBe(`too-large; cookie would be ${wouldBe} bytes, limit 4096; previous session kept`);
    expect(raw.headers.get(HEADER.session)).toBe(previous);
    expect(hub.logs.some((line) => line.message.startsWith('session write refused') && String(line.fields['reason']).startsWith('too-large'))).toBe(true);

    dataOf(await call(sdk, browser, 'session/pad', { length: largestFitting + 1 }));
    expect(browser.sessionCookie()).toBe(previous);
    const session = dataOf(await call<{ session: { pad: string } }>(sdk, browser, 'session/read')).session;
    expect(session.pad).toHaveLength(largestFitting);
    expect(hub.logText()).not.toContain(previous);
  });

  it('refuses far larger sessions too and keeps an empty session empty', async () => {
    const browser = createBrowser();
    dataOf(await call(sdk, browser, 'session/pad', { length: 100_000 }));
    expect(dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session).toEqual({});
  });
});

describe('key rotation', () => {
  it('decodes with any configured secret, re-issues with the newest, and drops a rotated-out one', async () => {
    const keyA = await deriveSessionKey(SECRET_A);
    const keyB = await deriveSessionKey(SECRET_B);
    const browser = createBrowser();

    const before = await startTestHub({ sessionSecrets: [SECRET_A] });
    try {
      const sdk = createSdk(before.url);
      dataOf(await call(sdk, browser, 'session/replace', { cartId: 'rotating' }));
    } finally {
      await before.close();
    }
    const tokenA = browser.sessionCookie() as string;
    expect(await decodeSession(tokenA, [keyA])).toMatchObject({ ok: true });

    const during = await startTestHub({ sessionSecrets: [SECRET_B, SECRET_A] });
    try {
      const sdk = createSdk(during.url);
      expect(dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session).toEqual({ cartId: 'rotating' });
      // Even an unchanged session comes back under the newest key.
      const tokenB = browser.sessionCookie() as string;
      expect(tokenB).not.toBe(tokenA);
      expect(await decodeSession(tokenB, [keyB])).toMatchObject({ ok: true, session: { cartId: 'rotating' } });
      expect(await decodeSession(tokenB, [keyA])).toEqual({ ok: false, reason: 'signature' });
    } finally {
      await during.close();
    }

    const after = await startTestHub({ sessionSecrets: [SECRET_B] });
    try {
      const sdk = createSdk(after.url);
      expect(dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session).toEqual({ cartId: 'rotating' });
      const stale = await rawCall(`${after.url}/frontastic/action/session/read`, { token: tokenA, body: '{}' });
      expect(stale.headers.get(HEADER.sessionInvalid)).toBe('signature');
      expect(stale.json()).toEqual({ session: {} });
    } finally {
      await after.close();
    }
  });
});

describe('200 concurrent calls from 50 shoppers', () => {
  it('never mixes sessions up', async () => {
    const hub = await startTestHub();
    try {
      const sdk = createSdk(hub.url);
      const shoppers = Array.from({ length: 50 }, (_, index) => ({ owner: `shopper-${index}`, browser: createBrowser() }));
      const results = await Promise.all(
        shoppers.map(async ({ owner, browser }) => {
          const seen: Array<{ previousOwner: string | null; count: number }> = [];
          for (let step = 0; step < 4; step += 1) {
            seen.push(dataOf(await call<{ previousOwner: string | null; count: number }>(sdk, browser, 'session/counter', { owner })));
          }
          return { owner, browser, seen };
        }),
      );
      for (const { owner, browser, seen } of results) {
        expect(seen).toEqual([
          { previousOwner: null, count: 1 },
          { previousOwner: owner, count: 2 },
          { previousOwner: owner, count: 3 },
          { previousOwner: owner, count: 4 },
        ]);
        const session = dataOf(await call<{ session: unknown }>(sdk, browser, 'session/read')).session;
        expect(session).toEqual({ owner, count: 4, seen: [owner, owner, owner, owner] });
      }
      expect(new Set(results.map(({ browser }) => browser.sessionCookie())).size).toBe(50);
    } finally {
      await hub.close();
    }
  });

  it('keeps 200 calls in flight at once (4 per shopper), each on its own shopper session', async () => {
    const hub = await startTestHub();
    try {
      const sdk = createSdk(hub.url);
      const shoppers = Array.from({ length: 50 }, (_, index) => ({ owner: `parallel-${index}`, browser: createBrowser() }));
      await Promise.all(shoppers.map(({ owner, browser }) => call(sdk, browser, 'session/replace', { owner })));
      const calls = shoppers.flatMap(({ owner, browser }) =>
        Array.from({ length: 4 }, async () => ({ owner, answer: dataOf(await call<{ previousOwner: string | null; count: number }>(sdk, browser, 'session/counter', { owner })) })),
      );
      const answers = await Promise.all(calls);
      expect(answers).toHaveLength(200);
      for (const { owner, answer } of answers) expect(answer.previousOwner).toBe(owner);
      for (const { owner, browser } of shoppers) {
        const session = dataOf(await call<{ session: { owner: string } }>(sdk, browser, 'session/read')).session;
        expect(session.owner).toBe(owner);
      }
    } finally {
      await hub.close();
    }
  });
});
