// 100 shoppers at once, each with its own frontend-sdk cookie jar: guests add items, sign up or sign in
// (the cart follows them), add more, check out. Every line item must reach an order, no session may ever
// hold another shopper's cart or customer, and the hub must never answer 5xx.
import { randomUUID } from 'node:crypto';
import { PRODUCTS } from '@ctp-session/platform';
import { watchHubStatuses } from '../support/hubStatuses.js';
import { Losses, seeded, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { ok, openStore, type Browser, type CartView, type StoreClient } from '../support/storeClient.js';

const FRESH = 85;
const RETURNING = 10;
const DEMO = 5;
const PASSWORD = 'reliability-pass-1';

interface OrderView {
  readonly id: string;
  readonly customerId?: string;
  readonly lineItems: ReadonlyArray<{ readonly sku: string; readonly quantity: number }>;
}

type Lines = Map<string, number>;

const add = (lines: Lines, sku: string, count: number): void => void lines.set(sku, (lines.get(sku) ?? 0) + count);
const linesOf = (items: CartView['lineItems'] | OrderView['lineItems']): Lines => {
  const lines: Lines = new Map();
  for (const item of items) add(lines, item.sku, item.quantity);
  return lines;
};
const same = (a: Lines, b: Lines): boolean => a.size === b.size && [...a].every(([sku, n]) => b.get(sku) === n);
const show = (lines: Lines): string => JSON.stringify(Object.fromEntries(lines));

class Run {
  readonly losses = new Losses();
  readonly cartOwner = new Map<string, string>();
  readonly customerOwner = new Map<string, string>();
  actions = 0;
  quantityAdded = 0;
  orders = 0;
  orderedQuantity = 0;

  constructor(readonly client: StoreClient) {}

  /** One action as `owner`, then the checks every action gets: no error, the session is the shopper's own. */
  async act<T>(owner: string, shopper: Browser, action: string, payload?: unknown): Promise<T | undefined> {
    this.actions++;
    const answer = await this.client.act<T>(shopper, action, payload);
    if (answer.isError) {
      this.losses.add('action failed', `${owner} ${action}: ${JSON.stringify(answer.error).slice(0, 200)}`);
      return undefined;
    }
    const session = this.client.sessionOf(shopper);
    this.claim(this.cartOwner, session['cartId'], owner, 'cart');
    this.claim(this.customerOwner, session['customerId'], owner, 'customer');
    const data = answer.data as unknown;
    if (action.startsWith('cart/') && action !== 'cart/checkout' && isCart(data) && data.id !== null && data.id !== session['cartId']) {
      this.losses.add('cart answer is not the session cart', `${owner} ${action}: answer ${data.id}, session ${String(session['cartId'])}`);
    }
    return answer.data;
  }

  claim(owners: Map<string, string>, id: unknown, owner: string, what: string): void {
    if (typeof id !== 'string') return;
    const holder = owners.get(id);
    if (holder === undefined) owners.set(id, owner);
    else if (holder !== owner) this.losses.add(`session holds another shopper's ${what}`, `${owner} holds ${what} of ${holder}`);
  }

  async addItems(owner: string, shopper: Browser, lines: Lines, random: () => number, skus: readonly string[]): Promise<void> {
    for (const sku of skus) {
      const count = 1 + Math.floor(random() * 3);
      const cart = await this.act<CartView>(owner, shopper, 'cart/addToCart', { sku, count });
      if (cart === undefined) continue;
      add(lines, sku, count);
      this.quantityAdded += count;
      const foreign = cart.lineItems.filter((item) => !lines.has(item.sku));
      if (foreign.length > 0) this.losses.add('cart shows items the shopper never added', `${owner}: ${foreign.map((i) => i.sku).join(', ')}`);
    }
  }

  async expectCart(owner: string, shopper: Browser, lines: Lines): Promise<void> {
    const cart = await this.act<CartView>(owner, shopper, 'cart/getCart');
    if (cart !== undefined && !same(linesOf(cart.lineItems), lines)) this.losses.add('cart differs from what was added', `${owner}: cart ${show(linesOf(cart.lineItems))}, added ${show(lines)}`);
  }

  async checkout(owner: string, shopper: Browser, lines: Lines): Promise<void> {
    const order = await this.act<OrderView>(owner, shopper, 'cart/checkout', { shippingAddress: { country: 'DE' } });
    if (order === undefined) return;
    this.orders++;
    this.orderedQuantity += [...linesOf(order.lineItems).values()].reduce((a, b) => a + b, 0);
    if (!same(linesOf(order.lineItems), lines)) this.losses.add('order differs from what was added', `${owner}: order ${show(linesOf(order.lineItems))}, added ${show(lines)}`);
    const session = this.client.sessionOf(shopper);
    if (order.customerId !== session['customerId']) this.losses.add('order belongs to someone else', `${owner}: order customer ${String(order.customerId)}`);
    if (session['lastOrderId'] !== order.id) this.losses.add('session does not name the order', `${owner}`);
    const after = await this.act<CartView>(owner, shopper, 'cart/getCart');
    if (after !== undefined && after.lineItems.length > 0) this.losses.add('cart not emptied by checkout', owner);
  }
}

function isCart(value: unknown): value is CartView {
  return typeof value === 'object' && value !== null && 'lineItems' in value && 'id' in value;
}

const ALL_SKUS = PRODUCTS.map((p) => p.sku);
const pick = (random: () => number, n: number): string[] => Array.from({ length: n }, () => ALL_SKUS[Math.floor(random() * ALL_SKUS.length)] as string);

async function fresh(run: Run, index: number): Promise<void> {
  const owner = `fresh-${index}`;
  const random = seeded(1000 + index);
  const shopper = run.client.shopper();
  const lines: Lines = new Map();
  await run.addItems(owner, shopper, lines, random, pick(random, 2 + Math.floor(random() * 3)));
  await run.act(owner, shopper, 'account/register', { email: `${owner}-${randomUUID()}@example.com`, password: PASSWORD });
  await run.addItems(owner, shopper, lines, random, pick(random, 1));
  await run.expectCart(owner, shopper, lines);
  await run.checkout(owner, shopper, lines);
}

async function returning(run: Run, index: number): Promise<void> {
  const owner = `returning-${index}`;
  const random = seeded(2000 + index);
  const email = `${owner}-${randomUUID()}@example.com`;
  const shopper = run.client.shopper();
  await run.act(owner, shopper, 'account/register', { email, password: PASSWORD });
  await run.act(owner, shopper, 'account/logout');
  const lines: Lines = new Map();
  await run.addItems(owner, shopper, lines, random, pick(random, 2 + Math.floor(random() * 2)));
  await run.act(owner, shopper, 'account/login', { email, password: PASSWORD });
  await run.expectCart(owner, shopper, lines);
  await run.checkout(owner, shopper, lines);
}

/**
 * Shoppers who sign in to the one demo customer share its cart: each adds SKUs no other demo shopper
 * adds, sign-ins happen one after another, and the demo cart must end as the union of all of them.
 */
async function demoShoppers(run: Run): Promise<void> {
  const { email, password } = run.client.platform.demoCustomer;
  const union: Lines = new Map();
  const shoppers = await Promise.all(
    Array.from({ length: DEMO }, async (_, index) => {
      const owner = `demo-guest-${index}`;
      const shopper = run.client.shopper();
      const lines: Lines = new Map();
      await run.addItems(owner, shopper, lines, seeded(3000 + index), ALL_SKUS.slice(index * 2, index * 2 + 2));
      return { owner, shopper, lines };
    }),
  );
  for (const { owner, shopper, lines } of shoppers) {
    // The first guest cart becomes the demo customer's cart (it has none); later ones merge into it.
    const guestCart = run.client.sessionOf(shopper)['cartId'];
    if (typeof guestCart === 'string' && run.cartOwner.get(guestCart) === owner) run.cartOwner.set(guestCart, 'demo');
    await run.act('demo', shopper, 'account/login', { email, password });
    for (const [sku, n] of lines) add(union, sku, n);
  }
  const last = shoppers[shoppers.length - 1];
  if (last === undefined) return;
  await run.expectCart('demo', last.shopper, union);
  await run.checkout('demo', last.shopper, union);
}

export const load: Scenario = {
  name: 'load',
  what: `${FRESH + RETURNING + DEMO} concurrent shoppers (own cookie jars): add items, sign up / sign in (${DEMO} share the demo customer), check out`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const statuses = watchHubStatuses(client.store.hubUrl);
    const run = new Run(client);
    const started = performance.now();
    try {
      await Promise.all([
        ...Array.from({ length: FRESH }, (_, i) => fresh(run, i)),
        ...Array.from({ length: RETURNING }, (_, i) => returning(run, i)),
        demoShoppers(run),
      ]);
      const seconds = (performance.now() - started) / 1000;
      for (const error of statuses.serverErrors()) run.losses.add('hub answered 5xx', error);
      if (statuses.seen() < run.actions) run.losses.add('hub answers not observed', `${statuses.seen()} of ${run.actions}`);
      // The platform's own books: every order and every ordered unit is there.
      const orders = (await client.platformGet('/orders?limit=500')) as { total: number; results: Array<{ lineItems: Array<{ quantity: number }> }> };
      const platformQuantity = orders.results.reduce((sum, o) => sum + o.lineItems.reduce((s, l) => s + l.quantity, 0), 0);
      if (orders.total !== run.orders) run.losses.add('orders on the platform', `${orders.total} on the platform, ${run.orders} answered`);
      if (platformQuantity !== run.quantityAdded) run.losses.add('units on the platform', `${platformQuantity} ordered on the platform, ${run.quantityAdded} added`);
      return {
        tried: { shoppers: FRESH + RETURNING + DEMO, actions: run.actions, unitsAdded: run.quantityAdded, orders: run.orders },
        lost: run.losses.list(),
        figures: { seconds: Number(seconds.toFixed(1)), 'actions/s': Math.round(run.actions / seconds), 'units on platform orders': platformQuantity, 'hub 5xx': statuses.serverErrors().length },
      };
    } finally {
      statuses.stop();
      await client.close();
    }
  },
};
