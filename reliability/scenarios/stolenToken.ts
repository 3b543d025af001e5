// A thief copies customers' session tokens (an XSS, a shared computer) and replays them: once after the copy lay
// unused past the hub's idle limit, and once kept busy all along, past the absolute limit. No replay may act as
// the customer after either limit, although the commercetools tokens inside are still valid (only the hub's clock
// moves), and each customer, signing in again, finds exactly their own cart.
import { randomUUID } from 'node:crypto';
import { RawShopper } from '../support/rawShopper.js';
import { inPool, Losses, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { pageAs, StatusTally } from '../support/sessionEnd.js';
import { openStore, type CartView, type RawAnswer } from '../support/storeClient.js';

const CUSTOMERS = 30;
const IDLE_SECONDS = 3_600;
const ABSOLUTE_SECONDS = 86_400;
// The busy thief calls every 50 minutes of the hub's clock: never idle for an hour.
const BUSY_STEP_MS = 50 * 60_000;
const PASSWORD = 'stolen-pass-1';

const actsAsCustomer = (client: { decode(token: string): Record<string, unknown> | undefined }, answer: RawAnswer): boolean => {
  const session = answer.sessionToken === null ? {} : (client.decode(answer.sessionToken) ?? {});
  return (answer.json as { loggedIn?: boolean } | undefined)?.loggedIn === true || (answer.status < 300 && session['customerId'] !== undefined);
};

export const stolenToken: Scenario = {
  name: 'stolen-token',
  what: `${CUSTOMERS} customers' tokens are replayed after ${IDLE_SECONDS / 3600} h unused (the idle limit) and after ${ABSOLUTE_SECONDS / 3600} h of constant use (the absolute limit)`,
  async run(): Promise<ScenarioResult> {
    const clock = { now: Date.now() };
    const client = await openStore({ hub: { sessionIdleSeconds: IDLE_SECONDS, sessionAbsoluteSeconds: ABSOLUTE_SECONDS, now: () => clock.now } });
    const losses = new Losses();
    const reasons = new StatusTally();
    const reasonNames = new Map<string, number>();
    const invalid = (answer: RawAnswer): void => {
      if (answer.sessionInvalid !== null) reasonNames.set(answer.sessionInvalid, (reasonNames.get(answer.sessionInvalid) ?? 0) + 1);
      reasons.add(answer.status);
    };
    let afterIdle = 0;
    let afterAbsolute = 0;
    let busyBeforeAbsolute = 0;
    let replays = 0;
    try {
      const customers = await Promise.all(
        Array.from({ length: CUSTOMERS }, async (_, i) => {
          const email = `stolen-${randomUUID()}@example.com`;
          const shopper = new RawShopper(`customer-${i}`, client);
          await shopper.call('account/register', { email, password: PASSWORD }, losses);
          const cart = (await shopper.call('cart/addToCart', { sku: 'LAMP-READ-01' }, losses)).json as CartView;
          return { name: `customer-${i}`, email, cart, stolen: shopper.token };
        }),
      );

      // 1. The copies lie unused past the idle limit, then are replayed.
      clock.now += (IDLE_SECONDS + 60) * 1000;
      await inPool(customers, 10, async (customer) => {
        const thief = new RawShopper(`${customer.name} (thief)`, client);
        for (const [action, payload] of [['account/getAccount', {}], ['cart/getCart', {}], ['cart/addToCart', { sku: 'PAN-CAST-26' }]] as const) {
          thief.token = customer.stolen;
          const answer = await thief.call(action, payload);
          replays++;
          invalid(answer);
          if (actsAsCustomer(client, answer) || (action === 'cart/getCart' && (answer.json as CartView | undefined)?.id === customer.cart.id)) {
            afterIdle++;
            losses.add('a copy replayed past the idle limit acts as the customer', `${customer.name} ${action}: ${answer.status}`);
          }
          if (answer.status >= 500) losses.add('a replay got a 5xx', `${customer.name} ${action}: ${answer.status}`);
        }
        const page = await pageAs(client, '/account', customer.stolen);
        replays++;
        if ((page.json as { target?: unknown } | undefined)?.target !== '/login') {
          afterIdle++;
          losses.add('the /account page still shows the customer past the idle limit', customer.name);
        }
      });

      // 2. The customers sign in again; a thief copies the new session and keeps it busy past the absolute limit.
      const signedIn = await Promise.all(
        customers.map(async (customer) => {
          const again = new RawShopper(`${customer.name} (again)`, client);
          await again.call('account/login', { email: customer.email, password: PASSWORD }, losses);
          const cart = (await again.call('cart/getCart', {}, losses)).json as CartView;
          const lines = cart.lineItems.map((item) => `${item.sku}×${item.quantity}`).join(',');
          if (cart.id !== customer.cart.id || lines !== 'LAMP-READ-01×1') losses.add("the customer's cart changed", `${customer.name}: ${String(cart.id)} ${lines}`);
          const thief = new RawShopper(`${customer.name} (busy thief)`, client);
          thief.token = again.token;
          return { ...customer, thief };
        }),
      );
      const end = clock.now + ABSOLUTE_SECONDS * 1000;
      while (clock.now + BUSY_STEP_MS < end) {
        clock.now += BUSY_STEP_MS;
        await inPool(signedIn, 10, async ({ thief }) => {
          const answer = await thief.call('account/getAccount', {});
          replays++;
          if (clock.now + BUSY_STEP_MS >= end && actsAsCustomer(client, answer)) busyBeforeAbsolute++;
        });
      }
      clock.now = end + 60_000;
      await inPool(signedIn, 10, async ({ name, thief }) => {
        const answer = await thief.call('account/getAccount', {});
        replays++;
        invalid(answer);
        if (actsAsCustomer(client, answer)) {
          afterAbsolute++;
          losses.add('a busy copy replayed past the absolute limit acts as the customer', `${name}: ${answer.status}`);
        }
      });
      return {
        tried: { customers: CUSTOMERS, 'replayed calls': replays },
        lost: losses.list(),
        figures: {
          'sessions still signed in after the idle limit': afterIdle,
          'sessions still signed in after the absolute limit': afterAbsolute,
          'busy copies still signed in just before the absolute limit': `${busyBeforeAbsolute} of ${CUSTOMERS}`,
          'X-Session-Invalid': [...reasonNames.entries()].map(([reason, n]) => `${reason}×${n}`).join(' '),
          'replay answers': reasons.toString(),
        },
      };
    } finally {
      await client.close();
    }
  },
};
