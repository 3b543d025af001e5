import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { FLOW_TIMEOUT_MS, newNoScriptShopper, newShopperContext, pathOf as path, screenshot, sessionCookie, storeAndBrowser, submitAndLoad as submit, waitForCartCount } from './support/browser.js';

const MUG = 'MUG-ENAMEL-01';
const LAMP = 'LAMP-READ-01';
const PEN = 'PEN-FOUNTAIN-F';
const TRIALS = 5;

const run = storeAndBrowser();

function demoCustomer(): { email: string; password: string } {
  if (run.store.platform === undefined) throw new Error('These tests need the embedded platform: unset the CTP_* variables.');
  return run.store.platform.demoCustomer;
}

const noScriptShopper = () => newNoScriptShopper(run.browser);

/** The header's cart count as the server rendered it. */
async function headerCount(page: Page): Promise<string | null> {
  return page.locator('[data-testid="cart-count"]').textContent();
}

describe('the store without JavaScript', () => {
  it(
    'add two products, change a quantity, remove one, sign in (the guest\'s items are kept), check out, sign out: every page right, with the header\'s count',
    async () => {
      const { context, page } = await noScriptShopper();
      const requests: Array<{ method: string; url: string }> = [];
      page.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
      try {
        await page.goto(`${run.store.url}/`);
        expect(await headerCount(page)).toBe('0');
        expect(await page.locator('[data-testid="show-cart-id"]').textContent()).toMatch(/No cart Id available/);

        // Add two products: each form posts to its Server Action, which answers with a redirect back.
        const firstPost = page.waitForResponse((response) => response.request().method() === 'POST');
        await submit(page, `[data-sku="${MUG}"] button`);
        const setCookies = (await (await firstPost).headersArray()).filter((header) => header.name.toLowerCase() === 'set-cookie').map((header) => header.value);
        expect(path(page)).toBe('/');
        expect(await headerCount(page)).toBe('1');
        expect(await page.locator('[data-testid="show-cart-id"]').textContent()).toMatch(/The active cart Id is/);
        // The cookie the server wrote is the frontend-sdk's, byte for byte: Path=/, Secure, not HttpOnly.
        const cookie = await sessionCookie(context);
        expect(setCookies).toContain(`frontastic-session=${cookie?.value ?? ''}; Path=/; Secure`);
        expect((await context.cookies()).find((each) => each.name === 'frontastic-session')).toMatchObject({ path: '/', secure: true, httpOnly: false, expires: -1 });

        await page.goto(`${run.store.url}/p/${LAMP}`);
        await submit(page, 'button:has-text("Add to cart")');
        expect(path(page)).toBe(`/p/${LAMP}`);
        expect(await headerCount(page)).toBe('2');
        await screenshot(page, 'no-js-product');

        // Change a quantity: choose it, then "Update" (nothing is sent on change without a script).
        await page.goto(`${run.store.url}/cart`);
        expect(await page.locator('.line-item').count()).toBe(2);
        await page.selectOption(`.line-item[data-sku="${MUG}"] select`, '3');
        await submit(page, 'button[aria-label="Update the quantity of Enamel Mug"]');
        expect(path(page)).toBe('/cart');
        expect(await page.locator(`.line-item[data-sku="${MUG}"] select`).inputValue()).toBe('3');
        expect(await headerCount(page)).toBe('4');

        // Remove one.
        await submit(page, 'button[aria-label="Remove Reading Lamp"]');
        expect(path(page)).toBe('/cart');
        expect(await page.locator('.line-item').count()).toBe(1);
        expect(await headerCount(page)).toBe('3');
        await screenshot(page, 'no-js-cart');

        // Sign in: a POST (never the password in a URL); a wrong password says so and keeps the email.
        await page.goto(`${run.store.url}/login`);
        await page.fill('#login-email', demoCustomer().email);
        await page.fill('#login-password', 'wrong-password');
        await submit(page, 'form:has(#login-email) button[type=submit]');
        expect(path(page)).toBe('/login');
        expect(await page.locator('p.error[role=alert]').textContent()).toMatch(/email or password/i);
        expect(await page.locator('#login-email').inputValue()).toBe(demoCustomer().email);
        expect(await page.locator('#login-password').inputValue()).toBe('');
        await page.fill('#login-password', demoCustomer().password);
        await submit(page, 'form:has(#login-email) button[type=submit]');
        expect(path(page)).toBe('/account');
        expect(await page.locator('[data-testid="signed-in-as"]').textContent()).toContain(demoCustomer().email);
        // The guest's three mugs are the customer's now.
        expect(await headerCount(page)).toBe('3');
        expect(requests.some((request) => request.url.includes(encodeURIComponent(demoCustomer().password)) || request.url.includes('wrong-password'))).toBe(false);
        expect(requests.filter((request) => request.url.startsWith(`${run.store.url}/login`)).map((request) => request.method)).toEqual(['GET', 'POST', 'POST']);

        // Check out: the server checks the form too, and keeps what was typed.
        await page.goto(`${run.store.url}/checkout`);
        await page.fill('#checkout-firstName', 'Demo');
        await submit(page, 'button:has-text("Place order")');
        expect(path(page)).toBe('/checkout');
        expect(await page.locator('.field-error:has-text("City is required.")').count()).toBe(1);
        expect(await page.locator('#checkout-firstName').inputValue()).toBe('Demo');
        await page.fill('#checkout-lastName', 'Shopper');
        await page.fill('#checkout-streetName', 'Hauptstraße 1');
        await page.fill('#checkout-postalCode', '10115');
        await page.fill('#checkout-city', 'Berlin');
        await submit(page, 'button:has-text("Place order")');
        expect(path(page)).toBe('/thank-you');
        expect(await page.locator('[data-testid="order-id"]').count()).toBe(1);
        expect(await page.locator('.order-confirmation .line-item').textContent()).toMatch(/^3 × Enamel Mug/);
        expect(await page.locator('.order-confirmation').textContent()).toContain('Berlin');
        expect(await headerCount(page)).toBe('0');
        await screenshot(page, 'no-js-thank-you');

        // Sign out: the session cookie is deleted, and the account page is a guest's again.
        await page.goto(`${run.store.url}/account`);
        await submit(page, 'button:has-text("Sign out")');
        expect(path(page)).toBe('/login');
        expect(await headerCount(page)).toBe('0');
        expect(await sessionCookie(context)).toBeUndefined();
        await page.goto(`${run.store.url}/account`);
        expect(path(page)).toBe('/login');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'register, sign-in mistakes and the rewards example work as forms',
    async () => {
      const { context, page } = await noScriptShopper();
      try {
        await page.goto(`${run.store.url}/login`);
        await page.fill('#register-email', 'no.script@example.com');
        await page.fill('#register-password', 'short');
        await submit(page, 'form:has(#register-email) button[type=submit]');
        expect(await page.locator('#register-password-error').textContent()).toMatch(/at least 8 characters/);
        expect(await page.locator('#register-email').inputValue()).toBe('no.script@example.com');
        await page.fill('#register-firstName', 'No');
        await page.fill('#register-password', 'long-enough-password');
        await submit(page, 'form:has(#register-email) button[type=submit]');
        expect(path(page)).toBe('/account');
        expect(await page.locator('[data-testid="signed-in-as"]').textContent()).toContain('no.script@example.com');

        await page.goto(`${run.store.url}/rewards`);
        expect(await page.locator('[data-testid="points-now"]').textContent()).toBe('0');
        // The race needs a script: its buttons are disabled rather than dead.
        expect(await page.locator('button:has-text("Fire all at once")').isDisabled()).toBe(true);
        for (const [button, points] of [['+50', '50'], ['+20', '70'], ['−50', '20']] as const) {
          await submit(page, `button:has-text("${button}")`);
          expect(path(page)).toBe('/rewards');
          expect(await page.locator('[data-testid="points-now"]').textContent()).toBe(points);
        }
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a cookie that is not a session never sticks: the first form replaces it',
    async () => {
      for (const bad of ['%E0%A4%A', '%7B%22json%22%3A1%7D', 'not-a-token']) {
        const { context, page } = await noScriptShopper();
        try {
          await context.addCookies([{ name: 'frontastic-session', value: bad, url: run.store.url }]);
          await page.goto(`${run.store.url}/p/${PEN}`);
          expect(await headerCount(page)).toBe('0');
          await submit(page, 'button:has-text("Add to cart")');
          expect(await headerCount(page)).toBe('1');
          expect((await sessionCookie(context))?.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
        } finally {
          await context.close();
        }
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    `two form submissions of one session at the same moment keep both effects (${TRIALS} trials)`,
    async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const { context, page } = await noScriptShopper();
        try {
          // A session without a cart yet: each of two first adds at once would open a cart of its own.
          await page.goto(`${run.store.url}/rewards`);
          await submit(page, 'button:has-text("+50")');
          const other = await context.newPage();
          await Promise.all([page.goto(`${run.store.url}/p/${LAMP}`), other.goto(`${run.store.url}/p/${PEN}`)]);
          // Both tabs send the same session cookie.
          await Promise.all([submit(page, 'button:has-text("Add to cart")'), submit(other, 'button:has-text("Add to cart")')]);
          await page.goto(`${run.store.url}/cart`);
          const skus = await page.locator('.line-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sku')));
          expect({ trial, skus: [...skus].sort() }).toEqual({ trial, skus: [LAMP, PEN].sort() });
          expect(await headerCount(page)).toBe('2');

          // Points live in the session itself: the docs' race example, the first update slowed between its read and write.
          await Promise.all([page.goto(`${run.store.url}/rewards`), other.goto(`${run.store.url}/rewards`)]);
          await page.evaluate(() => {
            const delay = Object.assign(document.createElement('input'), { type: 'hidden', name: 'delayMs', value: '300' });
            document.querySelector('form.reward-single')?.append(delay);
          });
          await Promise.all([submit(page, 'button:has-text("+20")'), submit(other, 'button:has-text("−50")')]);
          await page.goto(`${run.store.url}/rewards`);
          expect({ trial, points: await page.locator('[data-testid="points-now"]').textContent() }).toEqual({ trial, points: '20' });
        } finally {
          await context.close();
        }
      }
    },
    FLOW_TIMEOUT_MS * 2,
  );
});

describe('a form post from another site', () => {
  it(
    'is refused by Next.js and changes nothing; the same post from the store itself works',
    async () => {
      const { context, page } = await noScriptShopper();
      try {
        await page.goto(`${run.store.url}/p/${MUG}`);
        await submit(page, 'button:has-text("Add to cart")');
        const cookie = `frontastic-session=${(await sessionCookie(context))?.value ?? ''}`;
        // The add-to-cart form's fields exactly as the browser would post them (Next.js's action fields included).
        const fields = await page.evaluate(() => [...new FormData(document.querySelector('form.add-to-cart') as HTMLFormElement)].map(([name, value]) => [name, String(value)]));
        const post = (origin: string) => {
          const body = new FormData();
          for (const [name, value] of fields) body.append(name ?? '', value ?? '');
          return fetch(`${run.store.url}/p/${MUG}`, { method: 'POST', body, redirect: 'manual', headers: { cookie, origin } });
        };
        const forged = await post('http://shop.attacker.example');
        expect(forged.status).toBe(500);
        expect(forged.headers.get('set-cookie')).toBeNull();
        await page.goto(`${run.store.url}/cart`);
        expect(await headerCount(page)).toBe('1');

        const own = await post(run.store.url);
        expect(own.status).toBe(303);
        await page.goto(`${run.store.url}/cart`);
        expect(await headerCount(page)).toBe('2');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('a tab with JavaScript and a tab without, in one browser', () => {
  it(
    'each sees the other\'s cart changes',
    async () => {
      const context = await newShopperContext(run.browser);
      try {
        const scripted = await context.newPage();
        const plain = await context.newPage();
        await (await context.newCDPSession(plain)).send('Emulation.setScriptExecutionDisabled', { value: true });
        await scripted.goto(`${run.store.url}/`);
        await scripted.waitForLoadState('networkidle');
        await plain.goto(`${run.store.url}/`);
        // Next.js's runtime announces itself as window.next once its script ran: only in the scripted tab.
        const runtime = (page: Page) => page.evaluate(() => typeof (window as { next?: unknown }).next);
        expect([await runtime(scripted), await runtime(plain)]).toEqual(['object', 'undefined']);

        // The tab without JavaScript adds: the other tab shows it without a reload (the server's news cookie).
        await submit(plain, `[data-sku="${MUG}"] button`);
        expect(await headerCount(plain)).toBe('1');
        await waitForCartCount(scripted, 1);

        // The tab with JavaScript adds (through the queue and the same Server Action): the other tab's next page shows both.
        await scripted.click(`[data-sku="${LAMP}"] button`);
        await waitForCartCount(scripted, 2);
        await plain.goto(`${run.store.url}/cart`);
        expect(await headerCount(plain)).toBe('2');
        expect((await plain.locator('.line-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sku')))).sort()).toEqual([LAMP, MUG].sort());

        // And a removal without JavaScript reaches the scripted tab's header too.
        await submit(plain, 'button[aria-label="Remove Reading Lamp"]');
        await waitForCartCount(scripted, 1);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
