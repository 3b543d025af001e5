// Customers sign in, shop and log out; a copy of each session token from before the logout (a stolen
// cookie, a stale tab) is then replayed against getAccount, addToCart, getCart and the /account page.
// Logout revokes the commercetools tokens, so no replay may act as the customer: none signed in, nothing
// added to the customer's cart, and the customer's own cart intact when they sign in again.
import { randomUUID } from 'node:crypto';
import { errorOf, RawShopper } from '../support/rawShopper.js';
import { inPool, Losses, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { pageAs, platformStatusOf, StatusTally, tokensOf } from '../support/sessionEnd.js';
import { openStore, type CartView } from '../support/storeClient.js';

const CUSTOMERS = 30;
const PASSWORD = 'replay-pass-1';

export const replayAfterLogout: Scenario = {
  name: 'replay-after-logout',
  what: `${CUSTOMERS} customers log out; the session each had before is replayed on 3 actions and the /account page`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const statuses = new StatusTally();
    let signedIn = 0;
    let revoked = 0;
    let replays = 0;
    try {
      await inPool(Array.from({ length: CUSTOMERS }, (_, i) => i), 10, async (i) => {
        const name = `customer-${i}`;
        const email = `replay-${randomUUID()}@example.com`;
        const shopper = new RawShopper(name, client);
        await shopper.call('account/register', { email, password: PASSWORD }, losses);
        const cart = (await shopper.call('cart/addToCart', { sku: 'LAMP-READ-01' }, losses)).json as CartView;
        const before = shopper.token;
        const tokens = tokensOf(shopper.session());
        const logout = await shopper.call('account/logout', {}, losses);
        if (logout.status !== 200) losses.add('logout failed', `${name}: ${logout.status}`);
        if (tokens !== undefined && (await platformStatusOf(client, tokens.accessToken)) === 401) revoked++;

        const replay = new RawShopper(`${name} (replayed)`, client);
        replay.token = before;
        for (const [action, payload] of [['account/getAccount', {}], ['cart/addToCart', { sku: 'PAN-CAST-26' }], ['cart/getCart', {}]] as const) {
          replay.token = before;
          const answer = await replay.call(action, payload);
          replays++;
          statuses.add(answer.status);
          const session = answer.sessionToken === null ? {} : (client.decode(answer.sessionToken) ?? {});
          const json = answer.json as { loggedIn?: boolean; id?: string | null };
          const asCustomer = json?.loggedIn === true || (answer.status < 300 && session['customerId'] !== undefined) || (action === 'cart/getCart' && json?.id === cart.id);
          if (asCustomer) {
            signedIn++;
            losses.add('a replayed session still acts as the customer', `${name} ${action}: ${answer.status}`);
          }
          if (answer.status >= 500 || (answer.status >= 400 && errorOf(answer.json) === undefined)) losses.add('replay answered without an error code', `${name} ${action}: ${answer.status}`);
        }
        const page = await pageAs(client, '/account', before);
        replays++;
        statuses.add(page.status);
        const target = (page.json as { target?: unknown } | undefined)?.target;
        if (target !== '/login') {
          signedIn++;
          losses.add('the /account page still shows the customer', `${name}: ${page.status} ${JSON.stringify(page.json).slice(0, 80)}`);
        }

        // The customer signs in again: their cart holds exactly what they added, nothing from the replay.
        const again = new RawShopper(`${name} (again)`, client);
        await again.call('account/login', { email, password: PASSWORD }, losses);
        const after = (await again.call('cart/getCart', {}, losses)).json as CartView;
        const lines = after.lineItems.map((item) => `${item.sku}×${item.quantity}`).join(',');
        if (after.id !== cart.id || lines !== 'LAMP-READ-01×1') losses.add("the customer's cart changed", `${name}: ${String(after.id)} ${lines}`);
      });
      return {
        tried: { customers: CUSTOMERS, 'replayed calls': replays },
        lost: losses.list(),
        figures: { 'sessions still signed in': signedIn, 'tokens refused by the platform after logout': `${revoked} of ${CUSTOMERS}`, 'replay answers': statuses.toString(), 'revocation requests': client.platform.counters.count('POST /oauth/token/revoke') },
      };
    } finally {
      await client.close();
    }
  },
};
