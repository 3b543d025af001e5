// From one run of the store (startStore, API level): platform requests per cart and account action, counted
// by the embedded platform, and the real session cookie of three shoppers, decoded with the hub's key.
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE_LIMIT, SESSION_COOKIE_NAME, sessionCookieLength } from '@ctp-session/session';
import { ok, openStore, type Browser, type CartView, type StoreClient } from '../reliability/support/storeClient.js';
import { against, figure, type Figure } from './figures.js';

const REPEAT = 3;
const PASSWORD = 'bench-password-1';

/** Requests per action in the B2C launchpad's extensions, from the extensions package's README (not measured here). */
const LAUNCHPAD: Readonly<Record<string, string>> = {
  'cart/addToCart (first)': '2',
  'cart/addToCart (later)': '2',
  'cart/updateLineItem': '2',
  'cart/removeLineItem': '2',
  'cart/checkout': '3',
  'account/login (guest cart merged)': '2',
};

interface Step {
  readonly name: string;
  /** Returns the shopper and the call to count. */
  setup(): Promise<{ shopper: Browser; action: string; payload?: unknown }>;
}

async function withCart(client: StoreClient): Promise<{ shopper: Browser; lineItemId: string }> {
  const shopper = client.shopper();
  const cart = ok(await client.act<CartView>(shopper, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' }), 'addToCart');
  return { shopper, lineItemId: cart.lineItems[0]?.id ?? '' };
}

async function registered(client: StoreClient): Promise<{ email: string }> {
  const email = `bench-${randomUUID()}@example.com`;
  ok(await client.act(client.shopper(), 'account/register', { email, password: PASSWORD }), 'register');
  return { email };
}

function steps(client: StoreClient): Step[] {
  return [
    { name: 'cart/getCart (no cart)', setup: async () => ({ shopper: client.shopper(), action: 'cart/getCart' }) },
    { name: 'cart/getCart (existing cart)', setup: async () => ({ shopper: (await withCart(client)).shopper, action: 'cart/getCart' }) },
    { name: 'cart/addToCart (first)', setup: async () => ({ shopper: client.shopper(), action: 'cart/addToCart', payload: { sku: 'MUG-ENAMEL-01' } }) },
    { name: 'cart/addToCart (later)', setup: async () => ({ shopper: (await withCart(client)).shopper, action: 'cart/addToCart', payload: { sku: 'PAN-CAST-26' } }) },
    {
      name: 'cart/updateLineItem',
      setup: async () => {
        const { shopper, lineItemId } = await withCart(client);
        return { shopper, action: 'cart/updateLineItem', payload: { lineItemId, count: 3 } };
      },
    },
    {
      name: 'cart/removeLineItem',
      setup: async () => {
        const { shopper, lineItemId } = await withCart(client);
        return { shopper, action: 'cart/removeLineItem', payload: { lineItemId } };
      },
    },
    { name: 'cart/checkout', setup: async () => ({ shopper: (await withCart(client)).shopper, action: 'cart/checkout', payload: { shippingAddress: { country: 'DE' } } }) },
    { name: 'account/register (guest)', setup: async () => ({ shopper: client.shopper(), action: 'account/register', payload: { email: `bench-${randomUUID()}@example.com`, password: PASSWORD } }) },
    { name: 'account/login (no guest cart)', setup: async () => ({ shopper: client.shopper(), action: 'account/login', payload: { email: (await registered(client)).email, password: PASSWORD } }) },
    {
      name: 'account/login (guest cart merged)',
      setup: async () => {
        const { email } = await registered(client);
        return { shopper: (await withCart(client)).shopper, action: 'account/login', payload: { email, password: PASSWORD } };
      },
    },
    {
      name: 'account/getAccount (signed in)',
      setup: async () => {
        const shopper = client.shopper();
        ok(await client.act(shopper, 'account/register', { email: `bench-${randomUUID()}@example.com`, password: PASSWORD }), 'register');
        return { shopper, action: 'account/getAccount' };
      },
    },
    {
      name: 'account/logout',
      setup: async () => {
        const shopper = client.shopper();
        ok(await client.act(shopper, 'account/register', { email: `bench-${randomUUID()}@example.com`, password: PASSWORD }), 'register');
        return { shopper, action: 'account/logout' };
      },
    },
  ];
}

async function requestsPerAction(client: StoreClient): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const step of steps(client)) {
    const counts: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const { shopper, action, payload } = await step.setup();
      client.platform.counters.reset();
      ok(await client.act(shopper, action, payload), step.name);
      counts.push(client.platform.counters.snapshot().total);
    }
    const distinct = [...new Set(counts)].sort((a, b) => a - b);
    const launchpad = LAUNCHPAD[step.name];
    figures.push(
      figure('platform requests per action', step.name, distinct.join('/'), 'requests', {
        note: `${REPEAT} runs, token requests included${launchpad === undefined ? '' : `; B2C launchpad: ${launchpad} (reference, not measured)`}`,
      }),
    );
  }
  return figures;
}

async function cookieSizes(client: StoreClient): Promise<Figure[]> {
  const group = 'session cookie (name + value)';
  const measure = (name: string, shopper: Browser): Figure => {
    const token = shopper.sessionCookie();
    if (token === undefined) throw new Error(`${name}: no session cookie`);
    const length = SESSION_COOKIE_NAME.length + token.length;
    const session = client.sessionOf(shopper);
    const predicted = sessionCookieLength(session);
    const json = Buffer.byteLength(JSON.stringify(session));
    return against(group, name, length, 'bytes', 'browser limit', SESSION_COOKIE_LIMIT, `${json} bytes of session JSON (${Object.keys(session).join(', ')}); size guard predicted ${predicted}`);
  };
  const guest = (await withCart(client)).shopper;
  const customer = client.shopper();
  ok(await client.act(customer, 'cart/addToCart', { sku: 'LAMP-READ-01' }), 'addToCart');
  ok(await client.act(customer, 'account/register', { email: `bench-${randomUUID()}@example.com`, password: PASSWORD, firstName: 'Bench', lastName: 'Shopper' }), 'register');
  ok(await client.act(customer, 'cart/addToCart', { sku: 'PEN-FOUNTAIN-F' }), 'addToCart');
  const signedIn = measure('signed-in customer with a cart', customer);
  ok(await client.act(customer, 'cart/checkout', { shippingAddress: { country: 'DE' } }), 'checkout');
  return [measure('guest with a cart', guest), signedIn, measure('customer after checkout', customer)];
}

export async function measureStore(): Promise<Figure[]> {
  const client = await openStore();
  try {
    // Steady state: the API client's own token is fetched once, as in a running store.
    ok(await client.act(client.shopper(), 'account/login', { email: client.platform.demoCustomer.email, password: client.platform.demoCustomer.password }), 'warm-up login');
    return [...(await requestsPerAction(client)), ...(await cookieSizes(client))];
  } finally {
    await client.close();
  }
}
