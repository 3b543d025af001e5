import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStore, type Store } from '@ctp-session/store';
import { launchBrowser } from '../../../tools/chromium.js';

export { CHROMIUM, launchBrowser } from '../../../tools/chromium.js';

export const OUTPUT_DIR = fileURLToPath(new URL('../../../test-output/', import.meta.url));

/** Starting the store may run `next build` and the bundle build first. */
export const STORE_START_TIMEOUT_MS = 240_000;
export const FLOW_TIMEOUT_MS = 120_000;
/** Each wait for the page to show something. */
export const STEP_TIMEOUT_MS = 20_000;

/**
 * Starts the store as `yarn start` runs it (free ports) and one Chromium for the test file, and stops
 * both after it. Read `store` and `browser` inside the tests.
 */
export function storeAndBrowser(): { readonly store: Store; readonly browser: Browser } {
  let store: Store | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true });
    browser = await launchBrowser();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The store is not started: read it inside a test.');
    return value;
  };
  return {
    get store() {
      return started(store);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** A new shopper's browser: one cookie jar shared by every page (tab) opened in it. */
export async function newShopperContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** A new shopper with one tab. */
export async function newShopper(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newShopperContext(browser);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

/** The `frontastic-session` cookie the browser holds for the store, if any. */
export async function sessionCookie(context: BrowserContext): Promise<{ name: string; value: string } | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === 'frontastic-session');
}

/** Waits until the header's cart count shows `count`. */
export async function waitForCartCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="cart-count"]')?.textContent === String(expected), count);
}

/** A shopper whose browser runs no JavaScript at all (every tab of the context). */
export async function newNoScriptShopper(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return { context, page: await context.newPage() };
}

/** Submits the form of `selector`'s button as a browser without JavaScript does, and waits for the page it leads to. */
export async function submitAndLoad(page: Page, selector: string): Promise<void> {
  const loaded = page.waitForEvent('load');
  await page.click(selector);
  await loaded;
}

/** The path of the page the tab shows. */
export const pathOf = (page: Page): string => new URL(page.url()).pathname;
