import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { FLOW_TIMEOUT_MS, newNoScriptShopper, newShopper, pathOf as path, screenshot, sessionCookie, storeAndBrowser, submitAndLoad as submit, waitForCartCount } from './support/browser.js';
import { customerWithConfirmationLink, emailVerified } from './support/confirmation-link.js';

const MUG = 'MUG-ENAMEL-01';
const PASSWORD = 'confirm-link-password';

const run = storeAndBrowser();

/** A guest who has put a mug in the cart, in a browser with or without JavaScript. */
async function guestWithMug(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = javaScriptEnabled ? await newShopper(run.browser) : await newNoScriptShopper(run.browser);
  await page.goto(`${run.store.url}/p/${MUG}`);
  if (javaScriptEnabled) {
    await page.waitForLoadState('networkidle');
    await page.click('button:has-text("Add to cart")');
    await waitForCartCount(page, 1);
  } else {
    await submit(page, 'button:has-text("Add to cart")');
  }
  return { context, page };
}

describe('the confirmation link: a Server Action confirms the account and signs the shopper in', () => {
  it(
    'without JavaScript: a wrong password leaves the link usable; the right one signs in with the guest\'s cart; the link works once',
    async () => {
      const email = 'confirm.no-script@example.com';
      const { customerId, link } = await customerWithConfirmationLink(run.store, email, PASSWORD);
      const { context, page } = await guestWithMug(false);
      try {
        await page.goto(link);
        expect(await page.locator('h1').textContent()).toBe('Confirm your email and sign in');
        // The page only renders the form: opening the link confirms nothing.
        expect(await emailVerified(run.store, customerId)).toBe(false);

        await page.fill('#confirm-password', 'not-the-password');
        await submit(page, 'button:has-text("Confirm and sign in")');
        expect(path(page)).toBe('/account/confirm');
        expect(await page.locator('p.error[role=alert]').textContent()).toMatch(/email or password/i);
        expect(await emailVerified(run.store, customerId)).toBe(false);

        await page.fill('#confirm-password', PASSWORD);
        await submit(page, 'button:has-text("Confirm and sign in")');
        expect(path(page)).toBe('/account');
        expect(await page.locator('[data-testid="signed-in-as"]').textContent()).toContain(email);
        expect(await page.locator('[data-testid="cart-count"]').textContent()).toBe('1');
        expect(await emailVerified(run.store, customerId)).toBe(true);
        expect(await sessionCookie(context)).toBeDefined();
        await screenshot(page, 'confirm-link-signed-in');

        await page.goto(link);
        await page.fill('#confirm-password', PASSWORD);
        await submit(page, 'button:has-text("Confirm and sign in")');
        expect(await page.locator('p.error[role=alert]').textContent()).toMatch(/not valid any more/);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'with JavaScript: the same form goes through the queue and signs in',
    async () => {
      const email = 'confirm.script@example.com';
      const { customerId, link } = await customerWithConfirmationLink(run.store, email, PASSWORD);
      const { context, page } = await guestWithMug(true);
      try {
        await page.goto(link);
        await page.waitForLoadState('networkidle');
        // The browser's own check: nothing is sent without a password.
        await page.click('button:has-text("Confirm and sign in")');
        await page.waitForSelector('#confirm-password-error:has-text("Enter your password.")');
        await page.fill('#confirm-password', PASSWORD);
        await page.click('button:has-text("Confirm and sign in")');
        await page.waitForURL(`${run.store.url}/account`);
        await page.waitForSelector(`[data-testid="signed-in-as"]:has-text("${email}")`);
        await waitForCartCount(page, 1);
        expect(await emailVerified(run.store, customerId)).toBe(true);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a link without a token says so, and its button is disabled',
    async () => {
      const { context, page } = await newNoScriptShopper(run.browser);
      try {
        await page.goto(`${run.store.url}/account/confirm`);
        expect(await page.locator('p.error[role=alert]').textContent()).toMatch(/link is incomplete/);
        expect(await page.locator('button:has-text("Confirm and sign in")').isDisabled()).toBe(true);
        // No Referer carries a link's token to another site.
        expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('same-origin');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
