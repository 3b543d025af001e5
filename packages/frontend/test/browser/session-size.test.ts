import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { decodeSession, deriveSessionKey, encodeSession, type SessionKey } from '@ctp-session/hub';
import { MAX_SESSION_JSON_BYTES, sessionCookieLength } from '@ctp-session/session';
import { startStore, type Store } from '@ctp-session/store';
import { FLOW_TIMEOUT_MS, launchBrowser, newShopper, screenshot, sessionCookie, STORE_START_TIMEOUT_MS } from './support/browser.js';

const COOKIE = 'frontastic-session';
const BROWSER_LIMIT = 4096;

let store: Store;
let browser: Browser;
let key: SessionKey;

beforeAll(async () => {
  store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true });
  browser = await launchBrowser();
  key = await deriveSessionKey(store.sessionSecret);
}, STORE_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** A session of exactly `bytes` bytes of JSON: reward points plus padding. */
function sessionOfJsonBytes(bytes: number, rewardPoints = 0): { rewardPoints: number; pad: string } {
  const empty = JSON.stringify({ rewardPoints, pad: '' }).length;
  const session = { rewardPoints, pad: 'x'.repeat(bytes - empty) };
  expect(Buffer.byteLength(JSON.stringify(session))).toBe(bytes);
  return session;
}

/** Writes the cookie as the SDK does and says whether Chromium kept it. */
async function storeInBrowser(page: Page, value: string): Promise<boolean> {
  return page.evaluate(
    ([name, token]) => {
      document.cookie = `${name}=${token}; path=/; secure`;
      return document.cookie.split('; ').includes(`${name}=${token}`);
    },
    [COOKIE, value] as const,
  );
}

/** A page of the store with nothing left in flight that could write the cookie after us. */
async function quietPage(page: Page, path: string): Promise<void> {
  await page.goto(`${store.url}${path}`);
  await page.waitForLoadState('networkidle');
}

describe("the browser's 4096-byte cookie and the size guard", () => {
  it(
    'Chromium keeps the largest session the guard allows and drops one byte more; so the guard refuses that write and the previous session stays',
    async () => {
      const largest = sessionOfJsonBytes(MAX_SESSION_JSON_BYTES);
      const oneByteMore = sessionOfJsonBytes(MAX_SESSION_JSON_BYTES + 1);
      const largestToken = encodeSession(largest, key);
      const tooLargeToken = encodeSession(oneByteMore, key);
      // The size arithmetic is exact for the real encoder.
      expect(COOKIE.length + largestToken.length).toBe(sessionCookieLength(largest));
      expect(COOKIE.length + tooLargeToken.length).toBe(sessionCookieLength(oneByteMore));
      expect(sessionCookieLength(largest)).toBeLessThanOrEqual(BROWSER_LIMIT);
      expect(sessionCookieLength(oneByteMore)).toBeGreaterThan(BROWSER_LIMIT);

      const { context, page } = await newShopper(browser);
      try {
        await quietPage(page, '/rewards');

        // The browser's own limit: name + value of 4096 bytes is kept, 4097 is silently dropped.
        const exactly4096 = 'a'.repeat(BROWSER_LIMIT - COOKIE.length);
        expect(await storeInBrowser(page, exactly4096)).toBe(true);
        expect(await storeInBrowser(page, `${exactly4096}a`)).toBe(false);
        expect((await sessionCookie(context))?.value).toBe(exactly4096);

        // The largest session the guard allows is kept by Chromium; one JSON byte more would be lost.
        expect(await storeInBrowser(page, largestToken)).toBe(true);
        expect(await storeInBrowser(page, tooLargeToken)).toBe(false);
        expect((await sessionCookie(context))?.value).toBe(largestToken);

        // A write that grows the session by one byte ("0" → "50") is refused before it reaches the browser.
        const answer = await fetch(`${store.hubUrl}/frontastic/action/examples/addFiftyRewardsPoints`, {
          method: 'POST',
          headers: { 'Frontastic-Session': largestToken, 'Content-Type': 'application/json' },
        });
        expect(answer.status).toBe(413);
        expect(await answer.json()).toMatchObject({ error: { code: 'SESSION_TOO_LARGE' } });
        const reissued = answer.headers.get(COOKIE);
        expect(reissued).not.toBeNull();
        const decoded = decodeSession(reissued ?? '', [key]);
        expect(decoded.ok && decoded.session).toEqual(largest);

        // The same through the store's own UI: every update is refused, the points and the cookie stay.
        await page.reload();
        await page.waitForLoadState('networkidle');
        await page.click('button:has-text("Fire through the queue")');
        await page.waitForSelector('[data-testid="reward-result"][data-mode="queued"]');
        expect(await page.locator('[data-testid="points-before"]').textContent()).toBe('0');
        expect(await page.locator('[data-testid="points-after"]').textContent()).toBe('0');
        expect(await page.locator('.steps').textContent()).toMatch(/refused: .*4096 bytes/);
        expect(await page.locator('.verdict').textContent()).toMatch(/4 of 4 updates were refused/);
        await screenshot(page, 'rewards-session-too-large');
        expect((await sessionCookie(context))?.value).toBe(largestToken);

        // At the largest size the session still works: a write that shrinks it ("20" → "0") is accepted and kept.
        const full = sessionOfJsonBytes(MAX_SESSION_JSON_BYTES, 20);
        expect(await storeInBrowser(page, encodeSession(full, key))).toBe(true);
        const shrunk = await page.evaluate(async ([hubUrl, name]) => {
          const token = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
          const response = await fetch(`${hubUrl}/frontastic/action/examples/deductTwentyRewardPoints`, { method: 'POST', headers: { 'Frontastic-Session': token } });
          return { status: response.status, body: (await response.json()) as unknown, token: response.headers.get('Frontastic-Session') ?? '' };
        }, [store.hubUrl, COOKIE] as const);
        expect(shrunk).toMatchObject({ status: 200, body: { rewardPoints: 0 } });
        expect(await storeInBrowser(page, shrunk.token)).toBe(true);
        const after = decodeSession(shrunk.token, [key]);
        expect(after.ok && after.session).toEqual({ ...full, rewardPoints: 0 });
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "an ordinary signed-in shopper's cookie stays well under the limit",
    async () => {
      const { context, page } = await newShopper(browser);
      try {
        if (store.platform === undefined) throw new Error('These tests need the embedded platform: unset the CTP_* variables.');
        await page.goto(`${store.url}/login`);
        await page.fill('#login-email', store.platform.demoCustomer.email);
        await page.fill('#login-password', store.platform.demoCustomer.password);
        await page.click('form:has(#login-email) button[type=submit]');
        await page.waitForURL(`${store.url}/account`);
        await page.goto(`${store.url}/p/MUG-ENAMEL-01`);
        await page.click('button:has-text("Add to cart")');
        await page.waitForFunction(() => document.querySelector('[data-testid="cart-count"]')?.textContent !== '0');
        const cookie = await sessionCookie(context);
        const length = (cookie?.name.length ?? 0) + (cookie?.value.length ?? 0);
        const decoded = decodeSession(cookie?.value ?? '', [key]);
        expect(decoded.ok).toBe(true);
        expect(decoded.ok && Object.keys(decoded.session).sort()).toEqual(expect.arrayContaining(['cartId', 'customerId', 'token']));
        expect(length).toBeLessThan(BROWSER_LIMIT / 2);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
