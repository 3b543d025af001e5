import type { Browser, BrowserContext } from 'playwright-core';

// The workspace's one Chromium launcher (Debian's Chromium, nothing downloaded, nothing that reaches the network).
export { launchBrowser } from '../../../frontend/tools/chromium.js';

/** One browser's cookie jar, shared by every page (tab) opened in it. */
export async function newShopperContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  return context;
}
