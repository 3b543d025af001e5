import { describe, expect, it } from '@jest/globals';
import { FLOW_TIMEOUT_MS, newShopper, screenshot, sessionCookie, storeAndBrowser, waitForCartCount } from './support/browser.js';

const MUG = 'MUG-ENAMEL-01';
const LAMP = 'LAMP-READ-01';
const PEN = 'PEN-FOUNTAIN-F';

const run = storeAndBrowser();

function demoCustomer(): { email: string; password: string } {
  if (run.store.platform === undefined) throw new Error('These tests need the embedded platform: unset the CTP_* variables.');
  return run.store.platform.demoCustomer;
}

describe('the store in a browser', () => {
  it(
    'a guest fills a cart, signs in (the carts merge), checks out and sees the order',
    async () => {
      // The demo customer already has a cart with a pen, from an earlier visit on another device.
      const earlier = await newShopper(run.browser);
      try {
        await earlier.page.goto(`${run.store.url}/login`);
        await earlier.page.fill('#login-email', demoCustomer().email);
        await earlier.page.fill('#login-password', demoCustomer().password);
        await earlier.page.click('form:has(#login-email) button[type=submit]');
        await earlier.page.waitForURL(`${run.store.url}/account`);
        await earlier.page.goto(`${run.store.url}/p/${PEN}`);
        await earlier.page.click('button:has-text("Add to cart")');
        await waitForCartCount(earlier.page, 1);
      } finally {
        await earlier.context.close();
      }

      const { context, page } = await newShopper(run.browser);
      try {
        await page.goto(`${run.store.url}/`);
        await page.waitForSelector('[data-testid="show-cart-id"]:has-text("No cart Id available")');
        await screenshot(page, 'home');

        await page.click(`[data-sku="${MUG}"] button`);
        await waitForCartCount(page, 1);
        await page.click(`[data-sku="${LAMP}"] button`);
        await waitForCartCount(page, 2);
        // The server-rendered tastic follows the session: the page refreshes after each write.
        await page.waitForSelector('[data-testid="show-cart-id"]:has-text("The active cart Id is")');

        await page.goto(`${run.store.url}/cart`);
        await page.waitForSelector(`.line-item[data-sku="${MUG}"]`);
        expect(await page.locator('.line-item').count()).toBe(2);
        expect(await page.locator(`.line-item[data-sku="${LAMP}"]`).count()).toBe(1);
        // €14.90 + €129.00
        expect(await page.locator('[data-testid="cart-total"]').textContent()).toBe('€143.90');
        const guestCartId = (await page.locator('[data-testid="show-cart-id"] code').textContent()) ?? '';
        expect(guestCartId).toMatch(/^[0-9a-f-]{36}$/);
        await screenshot(page, 'cart-guest');

        // Change a quantity, then remove and re-add: the header count follows the SWR cache.
        await page.selectOption(`.line-item[data-sku="${MUG}"] select`, '3');
        await waitForCartCount(page, 4);
        await page.click(`button[aria-label="Remove Enamel Mug"]`);
        await waitForCartCount(page, 1);
        await page.goto(`${run.store.url}/p/${MUG}`);
        await page.click('button:has-text("Add to cart")');
        await waitForCartCount(page, 2);

        await page.goto(`${run.store.url}/login`);
        await page.fill('#login-email', demoCustomer().email);
        await page.fill('#login-password', demoCustomer().password);
        await screenshot(page, 'login');
        await page.click('form:has(#login-email) button[type=submit]');
        await page.waitForURL(`${run.store.url}/account`);
        await page.waitForSelector(`[data-testid="signed-in-as"]:has-text("${demoCustomer().email}")`);
        await screenshot(page, 'account');
        // The guest's mug and lamp joined the customer's pen.
        await waitForCartCount(page, 3);

        await page.goto(`${run.store.url}/cart`);
        await page.waitForSelector(`.line-item[data-sku="${PEN}"]`);
        expect((await page.locator('.line-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sku')))).sort()).toEqual([LAMP, MUG, PEN].sort());
        await page.waitForSelector('[data-testid="show-cart-id"]:has-text("The active cart Id is")');

        await page.click('a:has-text("Go to checkout")');
        await page.waitForURL(`${run.store.url}/checkout`);
        // Submitting an empty form shows what is missing, and sends nothing.
        await page.click('button:has-text("Place order")');
        await page.waitForSelector('.field-error:has-text("First name is required.")');
        await page.fill('#checkout-firstName', 'Demo');
        // An error goes as soon as its field is edited; the others stay until they are.
        await page.waitForSelector('.field-error:has-text("First name is required.")', { state: 'detached' });
        expect(await page.locator('.field-error:has-text("City is required.")').count()).toBe(1);
        await page.fill('#checkout-lastName', 'Shopper');
        await page.fill('#checkout-streetName', 'Hauptstraße 1');
        await page.fill('#checkout-postalCode', '10115');
        await page.fill('#checkout-city', 'Berlin');
        await page.selectOption('#checkout-country', 'DE');
        await screenshot(page, 'checkout');
        await page.click('button:has-text("Place order")');

        await page.waitForURL(`${run.store.url}/thank-you`);
        await page.waitForSelector('[data-testid="order-id"]');
        expect(await page.locator('.order-confirmation .line-item').count()).toBe(3);
        expect(await page.locator('.order-confirmation').textContent()).toContain('Berlin');
        await waitForCartCount(page, 0);
        await screenshot(page, 'thank-you');

        const cookie = await sessionCookie(context);
        expect(cookie).toBeDefined();
        // Signed in, with a last order: still far from the browser's 4096 bytes.
        expect((cookie?.name.length ?? 0) + (cookie?.value.length ?? 0)).toBeLessThan(2048);

        // Signing out clears the session: /account sends the shopper to /login again.
        await page.goto(`${run.store.url}/account`);
        await page.click('button:has-text("Sign out")');
        await page.waitForSelector('#login-email');
        await page.goto(`${run.store.url}/account`);
        await page.waitForURL(`${run.store.url}/login`);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    '/account sends a guest to /login, and an unknown page or product is a 404',
    async () => {
      const { context, page } = await newShopper(run.browser);
      try {
        await page.goto(`${run.store.url}/account`);
        expect(page.url()).toBe(`${run.store.url}/login`);
        await page.waitForSelector('#login-email');

        const missing = await page.goto(`${run.store.url}/p/NO-SUCH-SKU`);
        expect(missing?.status()).toBe(404);
        const unknown = await page.goto(`${run.store.url}/no/such/page`);
        expect(unknown?.status()).toBe(404);
        await page.waitForSelector('h1:has-text("Page not found")');

        // No order yet: the thank-you page sends the shopper home.
        await page.goto(`${run.store.url}/thank-you`);
        expect(page.url()).toBe(`${run.store.url}/`);

        // On a phone nothing is wider than the screen.
        await page.setViewportSize({ width: 390, height: 844 });
        for (const path of ['/', `/p/${MUG}`, '/login', '/rewards']) {
          await page.goto(`${run.store.url}${path}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        }
        await page.goto(`${run.store.url}/`);
        await screenshot(page, 'home-mobile');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the login and register forms say what is wrong',
    async () => {
      const { context, page } = await newShopper(run.browser);
      try {
        await page.goto(`${run.store.url}/login`);
        await page.click('form:has(#login-email) button[type=submit]');
        await page.waitForSelector('#login-email-error:has-text("Enter an email address")');
        await page.fill('#login-email', demoCustomer().email);
        await page.fill('#login-password', 'wrong-password');
        await page.click('form:has(#login-email) button[type=submit]');
        await page.waitForSelector('p.error[role=alert]');
        expect(await page.locator('p.error[role=alert]').textContent()).toMatch(/email or password/i);

        await page.fill('#register-email', 'new.shopper@example.com');
        await page.fill('#register-password', 'short');
        await page.click('form:has(#register-email) button[type=submit]');
        await page.waitForSelector('#register-password-error:has-text("at least 8 characters")');
        await page.fill('#register-firstName', 'New');
        await page.fill('#register-password', 'long-enough-password');
        await page.click('form:has(#register-email) button[type=submit]');
        await page.waitForURL(`${run.store.url}/account`);
        await page.waitForSelector('[data-testid="signed-in-as"]:has-text("new.shopper@example.com")');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'reward points: fired all at once they lose updates, through the queue they end where they started',
    async () => {
      const { context, page } = await newShopper(run.browser);
      try {
        await page.goto(`${run.store.url}/rewards`);

        await page.click('button:has-text("Fire all at once")');
        await page.waitForSelector('[data-testid="reward-result"][data-mode="parallel"]');
        const racedBefore = Number(await page.locator('[data-testid="points-before"]').textContent());
        const racedAfter = Number(await page.locator('[data-testid="points-after"]').textContent());
        // All four read the same session; the last to answer wins, so the sum is one update, not zero.
        expect([50, 20, -20, -50]).toContain(racedAfter - racedBefore);
        await screenshot(page, 'rewards-race');

        await page.click('button:has-text("Fire through the queue")');
        // The header shows that actions are running.
        await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent?.includes('Working') === true);
        await page.waitForSelector('[data-testid="reward-result"][data-mode="queued"]');
        const before = await page.locator('[data-testid="points-before"]').textContent();
        const after = await page.locator('[data-testid="points-after"]').textContent();
        expect(before).toBe(String(racedAfter));
        expect(after).toBe(before);
        await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '');
        await screenshot(page, 'rewards-queued');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
