// Access tokens that expire mid-flow. The platform issues 61-second tokens on a clock this scenario moves
// forward; the extensions refresh a token a minute before it expires, so after one real second every
// token is due, and after each clock jump the old one is dead on the platform too. Guests and customers
// keep adding items across several expiries: every refresh must keep the cart and the sign-in.
import { randomUUID } from 'node:crypto';
import { Losses, sleep, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { ok, openStore, type Browser, type CartView, type Session, type StoreClient } from '../support/storeClient.js';

const SHOPPERS = 20;
const EXPIRIES = 3;
const TTL_SECONDS = 61;

interface TokenClaims {
  readonly accessToken: string;
}

const tokenOf = (session: Session): string | undefined => (session['token'] as TokenClaims | undefined)?.accessToken;

async function accepted(client: StoreClient, accessToken: string): Promise<boolean> {
  const answer = await fetch(`${client.platform.apiUrl}/${client.platform.projectKey}/me/active-cart`, { headers: { authorization: `Bearer ${accessToken}` } });
  return answer.status !== 401;
}

export const tokenExpiry: Scenario = {
  name: 'token-expiry',
  what: `${SHOPPERS} shoppers (half signed in) through ${EXPIRIES} expiries of ${TTL_SECONDS}-second access tokens`,
  async run(): Promise<ScenarioResult> {
    let offsetMs = 0;
    const client = await openStore({ platform: { tokenTtlSeconds: TTL_SECONDS, now: () => Date.now() + offsetMs } });
    const losses = new Losses();
    let refreshed = 0;
    let deadTokensSeen = 0;
    let calls = 0;
    try {
      const shoppers: Array<{ name: string; browser: Browser; units: number; customerId?: unknown }> = [];
      for (let i = 0; i < SHOPPERS; i++) {
        const browser = client.shopper();
        const name = i % 2 === 0 ? `guest-${i}` : `customer-${i}`;
        ok(await client.act(browser, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }), 'addToCart');
        if (i % 2 === 1) ok(await client.act(browser, 'account/register', { email: `expiry-${randomUUID()}@example.com`, password: 'expiry-pass-1' }), 'register');
        shoppers.push({ name, browser, units: 1, customerId: client.sessionOf(browser)['customerId'] });
        calls += i % 2 === 1 ? 2 : 1;
      }
      for (let round = 0; round < EXPIRIES; round++) {
        // Past the refresh margin for the extensions, and past the lifetime on the platform.
        await sleep(1_100);
        offsetMs += (TTL_SECONDS + 5) * 1000;
        await Promise.all(
          shoppers.map(async (s) => {
            const before = client.sessionOf(s.browser);
            const oldToken = tokenOf(before);
            if (oldToken !== undefined && !(await accepted(client, oldToken))) deadTokensSeen++;
            else losses.add('the platform still accepts an expired token (scenario cannot prove anything)', s.name);
            calls++;
            const answer = await client.act<CartView>(s.browser, 'cart/addToCart', { sku: 'PEN-FOUNTAIN-F' });
            if (answer.isError) {
              losses.add('action failed after expiry', `${s.name}: ${JSON.stringify(answer.error).slice(0, 160)}`);
              return;
            }
            s.units++;
            const after = client.sessionOf(s.browser);
            if (tokenOf(after) !== oldToken) refreshed++;
            else losses.add('token not refreshed', s.name);
            if (after['cartId'] !== before['cartId']) losses.add('cart changed on refresh', `${s.name}: ${String(before['cartId'])} → ${String(after['cartId'])}`);
            if (after['customerId'] !== s.customerId) losses.add('sign-in lost on refresh', s.name);
            const units = answer.data.lineItems.reduce((sum, item) => sum + item.quantity, 0);
            if (units !== s.units) losses.add('units lost on refresh', `${s.name}: ${units} in the cart, ${s.units} added`);
          }),
        );
      }
      // Customers are still signed in after all expiries.
      for (const s of shoppers.filter((x) => x.customerId !== undefined)) {
        calls++;
        const account = await client.act<{ loggedIn: boolean }>(s.browser, 'account/getAccount');
        if (account.isError || !account.data.loggedIn) losses.add('customer signed out by expiry', s.name);
      }
      return {
        tried: { shoppers: SHOPPERS, expiries: EXPIRIES, calls },
        lost: losses.list(),
        figures: { 'expired tokens refused by the platform': deadTokensSeen, 'refreshed without loss': refreshed, 'refresh-grant requests': client.platform.counters.count('POST /oauth/token') },
      };
    } finally {
      await client.close();
    }
  },
};
