import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { decodeSession, deriveSessionKey, encodeSession } from '@ctp-session/hub';
import { FLOW_TIMEOUT_MS, newShopperContext, screenshot, sessionCookie, storeAndBrowser, waitForCartCount } from './support/browser.js';

const MUG = 'MUG-ENAMEL-01';
const LAMP = 'LAMP-READ-01';
const TRIALS = 20;
/** Each trial loads four pages on a shared two-core machine; this only bounds a stuck trial. */
const TRIAL_TIMEOUT_MS = 90_000;
const PASSWORD = 'tabs-password-1';

const run = storeAndBrowser();

/** `count` tabs of one new shopper (one browser context: one cookie jar), each on `path` and hydrated. */
async function tabs(count: number, path: string, context?: BrowserContext): Promise<{ context: BrowserContext; pages: Page[] }> {
  const shopper = context ?? (await newShopperContext(run.browser));
  const pages = await Promise.all(Array.from({ length: count }, () => shopper.newPage()));
  await Promise.all(pages.map((page) => open(page, path)));
  return { context: shopper, pages };
}

async function twoTabs(path: string): Promise<{ context: BrowserContext; a: Page; b: Page }> {
  const { context, pages } = await tabs(2, path);
  const [a, b] = pages;
  if (a === undefined || b === undefined) throw new Error('two tabs expected');
  return { context, a, b };
}

async function oneTab(path: string, context?: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  const { context: shopper, pages } = await tabs(1, path, context);
  const [page] = pages;
  if (page === undefined) throw new Error('one tab expected');
  return { context: shopper, page };
}

/** Goes to `path` and waits until the client is hydrated (the header's cart request runs after it). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${run.store.url}${path}`);
  await page.waitForLoadState('networkidle');
}

/**
 * Clicks each target in its own tab at one shared instant (the tabs read the same clock), so the
 * clicks land within a millisecond of each other, as two hands on two windows would.
 */
async function clickAtOnce(clicks: ReadonlyArray<readonly [Page, string]>): Promise<void> {
  await Promise.all(clicks.map(([page, selector]) => page.waitForSelector(selector)));
  const at = Date.now() + 300;
  await Promise.all(
    clicks.map(([page, selector]) =>
      page.evaluate(
        ([target, when]) =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              document.querySelector<HTMLElement>(target)?.click();
              resolve();
            }, when - Date.now());
          }),
        [selector, at] as const,
      ),
    ),
  );
}

/** The SKUs in the shopper's cart, as the cart page shows them. */
async function cartSkus(page: Page): Promise<string[]> {
  await open(page, '/cart');
  await page.waitForSelector('.line-item, .cart .notice');
  return (await page.locator('.line-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sku') ?? ''))).sort();
}

/** A customer of its own for one test, registered through the hub as any shopper would be. */
async function newCustomer(name: string): Promise<string> {
  const email = `${name}-${Date.now()}@example.com`;
  const answer = await fetch(`${run.store.hubUrl}/frontastic/action/account/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Frontastic-Locale': 'en_US' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(answer.status).toBe(201);
  return email;
}

async function fillLogin(page: Page, email: string): Promise<void> {
  await open(page, '/login');
  await page.fill('#login-email', email);
  await page.fill('#login-password', PASSWORD);
}

async function signIn(page: Page, email: string): Promise<void> {
  await fillLogin(page, email);
  await page.click('form:has(#login-email) button[type=submit]');
  await page.waitForSelector(`[data-testid="signed-in-as"]:has-text("${email}")`);
}

/** Marks the page, so a later check can tell that it was never reloaded. */
async function markNotReloaded(page: Page): Promise<void> {
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
}

async function wasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);
}

describe('two tabs of one browser share one session', () => {
  it(
    `${TRIALS} trials: a new guest clicks "Add to cart" on two products in two tabs at the same moment; both items are in the cart every time`,
    async () => {
      const lost: Array<{ trial: number; cart: string[] }> = [];
      for (let trial = 1; trial <= TRIALS; trial++) {
        const { context, a, b } = await twoTabs('/');
        try {
          await clickAtOnce([
            [a, `[data-sku="${MUG}"] button`],
            [b, `[data-sku="${LAMP}"] button`],
          ]);
          await Promise.all([
            a.waitForSelector(`[data-sku="${MUG}"] button:has-text("Added")`),
            b.waitForSelector(`[data-sku="${LAMP}"] button:has-text("Added")`),
          ]);
          const cart = await cartSkus(a);
          if (cart.join() !== [LAMP, MUG].sort().join()) lost.push({ trial, cart });
        } finally {
          await context.close();
        }
      }
      expect(lost).toEqual([]);
    },
    TRIALS * TRIAL_TIMEOUT_MS,
  );

  it(
    'a sign-in in one tab while the other adds a product at the same moment: signed in, and the product in the customer\'s cart',
    async () => {
      const email = await newCustomer('tabs-sign-in');
      const { context, a, b } = await twoTabs('/');
      try {
        await fillLogin(a, email);
        await clickAtOnce([
          [a, 'form:has(#login-email) button[type=submit]'],
          [b, `[data-sku="${MUG}"] button`],
        ]);
        await a.waitForSelector(`[data-testid="signed-in-as"]:has-text("${email}")`);
        await b.waitForSelector(`[data-sku="${MUG}"] button:has-text("Added")`);
        await Promise.all([waitForCartCount(a, 1), waitForCartCount(b, 1)]);
      } finally {
        await context.close();
      }
      // Another device: the customer's own cart holds the product.
      const { context: elsewhere, page: c } = await oneTab('/');
      try {
        await signIn(c, email);
        expect(await cartSkus(c)).toEqual([MUG]);
      } finally {
        await elsewhere.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "a write in one tab shows in the other tab's header without reload; a logout in one tab signs the other out, with an empty cart",
    async () => {
      const email = await newCustomer('tabs-fresh');
      const { context, page: a } = await oneTab('/');
      try {
        await signIn(a, email);
        const { page: b } = await oneTab('/account', context);
        await b.waitForSelector(`[data-testid="signed-in-as"]:has-text("${email}")`);
        await markNotReloaded(b);

        await open(a, `/p/${MUG}`);
        await a.click('button:has-text("Add to cart")');
        await waitForCartCount(a, 1);
        await waitForCartCount(b, 1);

        await open(a, '/account');
        await a.click('button:has-text("Sign out")');
        await a.waitForSelector('#login-email');
        // The other tab shows the sign-in forms at once, then follows the account page's redirect for guests.
        await b.waitForURL(`${run.store.url}/login`);
        await b.waitForSelector('#login-email');
        await b.waitForSelector('[data-testid="session-notice"]:has-text("You signed out in another tab.")');
        await waitForCartCount(b, 0);
        await waitForCartCount(a, 0);
        expect(await wasNotReloaded(b)).toBe(true);
        await screenshot(b, 'tabs-signed-out-elsewhere');
        // The tabs fetched the cart again as a new guest: the cookie holds an empty session now, or none.
        const cookie = await sessionCookie(context);
        const session = cookie === undefined ? { ok: true, session: {} } : decodeSession(cookie.value, [await deriveSessionKey(run.store.sessionSecret)]);
        expect(session.ok && session.session).toEqual({});
        // Signed out for good: the account page sends the shopper to the sign-in page.
        await open(b, '/account');
        expect(b.url()).toBe(`${run.store.url}/login`);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('a session that cannot be used any more recovers on the next action', () => {
  it(
    'an expired customer session: the shopper is shown signed out, as a guest, and the next action works',
    async () => {
      const key = await deriveSessionKey(run.store.sessionSecret);
      const expired = encodeSession(
        {
          token: { accessToken: 'expired-access', refreshToken: 'revoked-refresh', expirationTime: Date.now() - 1_000 },
          customerId: 'c-1',
          cartId: 'cart-1',
          cartVersion: 3,
        },
        key,
      );
      const context = await newShopperContext(run.browser);
      try {
        await context.addCookies([{ name: 'frontastic-session', value: expired, url: run.store.url }]);
        const { page } = await oneTab('/', context);
        await page.waitForSelector('[data-testid="session-notice"][data-reason="expired"]');
        await screenshot(page, 'tabs-sign-in-expired');
        await page.click(`[data-sku="${MUG}"] button`);
        await waitForCartCount(page, 1);
        const decoded = decodeSession((await sessionCookie(context))?.value ?? '', [key]);
        expect(decoded.ok && decoded.session).toMatchObject({ cartId: expect.any(String) });
        expect(decoded.ok && decoded.session['customerId']).toBeUndefined();
        await open(page, '/account');
        expect(page.url()).toBe(`${run.store.url}/login`);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it.each([
    ['a bad % escape', '%E0%A4%A'],
    ['a value that is not a token', 'not-a-token'],
  ])(
    'a malformed session cookie (%s): the pages render, the next action works and its answer overwrites the cookie',
    async (_name, value) => {
      const key = await deriveSessionKey(run.store.sessionSecret);
      const context = await newShopperContext(run.browser);
      try {
        await context.addCookies([{ name: 'frontastic-session', value, url: run.store.url }]);
        const { page } = await oneTab('/', context);
        await page.click(`[data-sku="${LAMP}"] button`);
        await waitForCartCount(page, 1);
        const cookie = (await sessionCookie(context))?.value ?? '';
        expect(cookie).not.toBe(value);
        expect(decodeSession(cookie, [key]).ok).toBe(true);
        expect(await cartSkus(page)).toEqual([LAMP]);
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('the store\'s forms with JavaScript', () => {
  it(
    'a double click sends the form once',
    async () => {
      const { context, page } = await oneTab(`/p/${MUG}`);
      try {
        await page.dblclick('button:has-text("Add to cart")');
        await page.waitForSelector('button:has-text("Added")');
        await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '');
        await waitForCartCount(page, 1);
        expect(await cartSkus(page)).toEqual([MUG]);
        expect(await page.locator(`.line-item[data-sku="${MUG}"] select`).inputValue()).toBe('1');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "a Server Action sent from one tab waits for its turn while the other tab's queued updates run: no update is lost",
    async () => {
      const { context, a, b } = await twoTabs('/rewards');
      try {
        // Tab a: four updates adding up to zero, each slowed between its read and its write of the session.
        await a.click('button:has-text("Fire through the queue")');
        await a.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent?.includes('Working') === true);
        // Tab b, meanwhile: the "+50" form, whose Server Action runs in its turn of the browser-wide queue.
        await b.click('form.reward-single button:has-text("+50")');
        // Its answer holds whatever the session had at its turn, plus 50: a's updates may come before it.
        await b.waitForSelector('form.reward-single[data-state="done"]');
        await a.waitForSelector('[data-testid="reward-result"][data-mode="queued"]');
        expect(await a.locator('.reward-result .error-text').count()).toBe(0);
        await open(b, '/rewards');
        expect(await b.locator('[data-testid="points-now"]').textContent()).toBe('50');
      } finally {
        await context.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
