// Shoppers take the commercetools tokens out of their own sessions (the session is encrypted, but a
// shopper's token is the shopper's own to use) and probe the platform's project-wide endpoints with them:
// customers, orders, carts, sign-in, GraphQL, other shoppers' ids. Nothing may reveal a password or
// another shopper's order, cart or customer; the store's own answers carry no password either.
import { randomUUID } from 'node:crypto';
import { RawShopper } from '../support/rawShopper.js';
import { inPool, Losses, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { StatusTally, tokensOf } from '../support/sessionEnd.js';
import { openStore, type CartView, type StoreClient } from '../support/storeClient.js';

const SHOPPERS = 20;
const PASSWORD = 'probe-secret-pass-1';

interface Victim {
  readonly name: string;
  readonly accessToken: string;
  readonly customerId?: string;
  readonly email?: string;
  readonly orderId: string;
  readonly cartId: string;
}

function probes(victim: Victim, others: readonly Victim[], projectKey: string): Array<[string, string, unknown?]> {
  const other = others.find((candidate) => candidate !== victim && candidate.customerId !== undefined) as Victim;
  const otherOrder = others.find((candidate) => candidate !== victim)?.orderId ?? '';
  return [
    ['GET', '/customers'],
    ['GET', `/customers/${other.customerId ?? ''}`],
    ['GET', `/customers?where=${encodeURIComponent(`email = "${other.email ?? ''}"`)}`],
    ['POST', '/customers/search', {}],
    ['POST', '/login', { email: other.email, password: PASSWORD }],
    ['POST', '/customers', { email: `probe-${randomUUID()}@example.com`, password: 'x-probe-password' }],
    ['GET', '/orders'],
    ['GET', `/orders/${otherOrder}`],
    ['GET', `/orders?where=${encodeURIComponent('customerId is defined')}`],
    ['GET', '/carts'],
    ['GET', `/carts/${others.find((candidate) => candidate !== victim)?.cartId ?? ''}`],
    ['GET', `/me/orders/${otherOrder}`],
    ['GET', `/me/carts/${others.find((candidate) => candidate !== victim)?.cartId ?? ''}`],
    ['GET', '/me'],
    ['GET', '/me/orders'],
    ['GET', '/in-store/key=any/me/orders'],
    ['POST', '/graphql', { query: '{ customers { results { id email password } } orders { results { id } } }' }],
    ['GET', '/products'],
    ['GET', ''],
    ['GET', `/customers/key=${projectKey}`],
  ];
}

async function probe(client: StoreClient, method: string, path: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  const answer = await fetch(`${client.platform.apiUrl}/${client.platform.projectKey}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, text: await answer.text() };
}

export const platformProbes: Scenario = {
  name: 'platform-probes',
  what: `${SHOPPERS} shoppers (half signed in) probe the platform with the tokens from their own sessions`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const statuses = new StatusTally();
    const victims: Victim[] = [];
    let passwords = 0;
    let foreignOrders = 0;
    let foreignData = 0;
    let storeAnswers = 0;
    try {
      const secrets = [`"password"`, Buffer.from(PASSWORD).toString('base64'), PASSWORD];
      const leaks = (text: string): boolean => secrets.some((secret) => text.includes(secret));
      await inPool(Array.from({ length: SHOPPERS }, (_, i) => i), 10, async (i) => {
        const name = i % 2 === 0 ? `guest-${i}` : `customer-${i}`;
        const email = `probe-${randomUUID()}@example.com`;
        const shopper = new RawShopper(name, client);
        const answers = [];
        if (i % 2 === 1) answers.push(await shopper.call('account/register', { email, password: PASSWORD }, losses));
        answers.push(await shopper.call('cart/addToCart', { sku: 'MUG-ENAMEL-01' }, losses));
        const order = await shopper.call('cart/checkout', { shippingAddress: { country: 'DE' } }, losses);
        const cart = (await shopper.call('cart/addToCart', { sku: 'LAMP-READ-01' }, losses)).json as CartView;
        answers.push(order, await shopper.call('account/getAccount', {}, losses));
        if (i % 2 === 1) answers.push(await shopper.call('account/login', { email, password: PASSWORD }, losses));
        for (const answer of answers) {
          storeAnswers++;
          if (leaks(JSON.stringify(answer.json))) {
            passwords++;
            losses.add('a store answer carries a password', `${name}`);
          }
        }
        const session = shopper.session();
        const accessToken = tokensOf(session)?.accessToken;
        if (accessToken === undefined) return losses.add('no token in the session', name);
        const customerId = session['customerId'] as string | undefined;
        victims.push({ name, accessToken, orderId: (order.json as { id: string }).id, cartId: cart.id ?? '', ...(customerId === undefined ? {} : { customerId, email }) });
      });

      let sent = 0;
      for (const victim of victims) {
        const others = victims.filter((candidate) => candidate !== victim);
        for (const [method, path, body] of probes(victim, victims, client.platform.projectKey)) {
          const answer = await probe(client, method, path, victim.accessToken, body);
          sent++;
          // An id the probe itself sent may come back in an error message ("… with ID '…' was not found"): not a reveal.
          const asked = `${path} ${JSON.stringify(body ?? null)}`;
          const revealed = (id: string | undefined): boolean => id !== undefined && id !== '' && !asked.includes(id) && answer.text.includes(id);
          statuses.add(answer.status);
          if (leaks(answer.text)) {
            passwords++;
            losses.add('a probe revealed a password', `${victim.name} ${method} ${path}: ${answer.status}`);
          }
          if (others.some((other) => revealed(other.orderId))) {
            foreignOrders++;
            losses.add("a probe revealed another shopper's order", `${victim.name} ${method} ${path}: ${answer.status}`);
          }
          if (others.some((other) => revealed(other.cartId) || revealed(other.customerId) || revealed(other.email))) {
            foreignData++;
            losses.add("a probe revealed another shopper's cart or customer", `${victim.name} ${method} ${path}: ${answer.status}`);
          }
          if (answer.status >= 500) losses.add('a probe got a 5xx', `${victim.name} ${method} ${path}: ${answer.status}`);
        }
      }
      return {
        tried: { shoppers: SHOPPERS, probes: sent, 'store answers scanned': storeAnswers },
        lost: losses.list(),
        figures: { 'passwords revealed': passwords, 'foreign orders revealed': foreignOrders, 'foreign carts or customers revealed': foreignData, 'probe answers': statuses.toString() },
      };
    } finally {
      await client.close();
    }
  },
};
