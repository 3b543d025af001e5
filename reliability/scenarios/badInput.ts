// Thousands of generated session tokens (random, truncated, bit-flipped, re-signed with another key,
// over-size) and malformed action bodies against a store with real shoppers in it. Nothing may answer
// 5xx, no answer may carry or show a real shopper's cart, customer or token, and the real shoppers'
// carts and sessions must be exactly as they were.
import { randomBytes, randomUUID } from 'node:crypto';
import { deriveSessionKey, encodeSession, type SessionKey } from '@ctp-session/hub';
import { errorOf, RawShopper } from '../support/rawShopper.js';
import { Losses, inPool, seeded, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { ok, openStore, type Browser, type CartView, type Session, type StoreClient } from '../support/storeClient.js';

const VICTIMS = 20;
const TOKENS_PER_KIND = 1000;
const IN_PARALLEL = 16;

interface Victim {
  readonly browser: Browser;
  readonly token: string;
  readonly session: Session;
  readonly lines: string;
}

type Kind = 'random' | 'truncated' | 'bit-flipped' | 're-signed' | 'over-size';

const cartLines = (cart: CartView): string => JSON.stringify(cart.lineItems.map((i) => [i.sku, i.quantity]).sort());

function generate(kind: Kind, victims: readonly Victim[], random: () => number, key: SessionKey, otherKey: SessionKey, i: number): string {
  const victim = victims[i % victims.length] as Victim;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
  switch (kind) {
    case 'random': {
      const length = Math.floor(random() * 700);
      if (i % 3 === 0) return [40, 120, 43].map((n) => randomBytes(n).toString('base64url')).join('.');
      return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    }
    case 'truncated':
      return victim.token.slice(0, Math.floor(random() * (victim.token.length - 1)));
    case 'bit-flipped': {
      const at = Math.floor(random() * victim.token.length);
      const code = victim.token.charCodeAt(at) ^ (1 << Math.floor(random() * 6));
      const char = String.fromCharCode(code < 33 || code > 126 ? 65 : code);
      return victim.token.slice(0, at) + char + victim.token.slice(at + 1);
    }
    case 're-signed':
      // The victim's real session, sealed with a key that is not the hub's.
      return encodeSession(i % 2 === 0 ? victim.session : { ...victim.session, rewardPoints: 1_000_000 }, otherKey);
    case 'over-size':
      // Signed with the hub's own key, but larger than any cookie the browser would keep.
      return i % 2 === 0 ? encodeSession({ ...victim.session, padding: 'x'.repeat(3_000 + Math.floor(random() * 6_000)) }, key) : randomBytes(5_000 + Math.floor(random() * 8_000)).toString('base64url');
  }
}

function malformedBodies(lineItemId: string): Array<[string, string]> {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  return [
    ['cart/addToCart', ''],
    ['cart/addToCart', 'not json'],
    ['cart/addToCart', '{'],
    ['cart/addToCart', '[]'],
    ['cart/addToCart', 'null'],
    ['cart/addToCart', '42'],
    ['cart/addToCart', '"MUG-ENAMEL-01"'],
    ['cart/addToCart', '{"sku":5}'],
    ['cart/addToCart', '{"sku":null}'],
    ['cart/addToCart', '{"sku":""}'],
    ['cart/addToCart', '{"sku":"NO-SUCH-SKU"}'],
    ['cart/addToCart', '{"sku":"MUG-ENAMEL-01","count":-1}'],
    ['cart/addToCart', '{"sku":"MUG-ENAMEL-01","count":1.5}'],
    ['cart/addToCart', '{"sku":"MUG-ENAMEL-01","count":"2"}'],
    ['cart/addToCart', '{"sku":"MUG-ENAMEL-01","cartId":"someone-elses"}'],
    ['cart/addToCart', '{"__proto__":{"sku":"MUG-ENAMEL-01"}}'],
    ['cart/addToCart', deep],
    ['cart/addToCart', JSON.stringify({ sku: 'x'.repeat(300_000) })],
    ['cart/updateLineItem', '{"lineItemId":"does-not-exist","count":1}'],
    ['cart/updateLineItem', JSON.stringify({ lineItemId, count: -3 })],
    ['cart/updateLineItem', JSON.stringify({ lineItemId, count: 'many' })],
    ['cart/updateLineItem', '{"lineItemId":123,"count":1}'],
    ['cart/removeLineItem', '{}'],
    ['cart/removeLineItem', '{"lineItemId":["a","b"]}'],
    ['cart/checkout', '{"shippingAddress":{"country":"Germany"}}'],
    ['cart/checkout', '{"shippingAddress":"DE"}'],
    ['cart/checkout', '{"shippingAddress":{"country":"DE"},"payment":"free"}'],
    ['account/login', '{"email":"demo@example.com"}'],
    ['account/login', '{"email":123,"password":[]}'],
    ['account/login', '{"email":"demo@example.com","password":"wrong-password"}'],
    ['account/register', '{"email":"not-an-email","password":"x"}'],
    ['account/register', `{"email":"${randomUUID()}@example.com","password":"short"}`],
    ['account/register', '{"email":"demo@example.com","password":"long-enough-1"}'],
    ['examples/addFiftyRewardsPoints', '{"points":1000000}'],
    ['examples/addFiftyRewardsPoints?delayMs=-5', '{}'],
    ['examples/addFiftyRewardsPoints?delayMs=abc', '{}'],
    ['examples/addFiftyRewardsPoints?delayMs=999999', '{}'],
    ['cart/noSuchAction', '{}'],
    ['noSuchNamespace/getCart', '{}'],
  ];
}

/** Every id that belongs to a real shopper: none may appear in an answer to anyone else. */
function secretsOf(victims: readonly Victim[]): Set<string> {
  const ids = new Set<string>();
  for (const v of victims) {
    for (const key of ['cartId', 'customerId', 'lastOrderId']) if (typeof v.session[key] === 'string') ids.add(v.session[key] as string);
    const token = v.session['token'] as { accessToken?: string; refreshToken?: string } | undefined;
    if (token?.accessToken) ids.add(token.accessToken);
    if (token?.refreshToken) ids.add(token.refreshToken);
  }
  return ids;
}

function leaks(text: string, secrets: Set<string>): string | undefined {
  for (const secret of secrets) if (text.includes(secret)) return secret.slice(0, 8);
  return undefined;
}

export const badInput: Scenario = {
  name: 'bad-input',
  what: `${TOKENS_PER_KIND * 5} generated session tokens (5 kinds) and malformed action bodies against ${VICTIMS} real shoppers`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const random = seeded(99);
    const otherKey = await deriveSessionKey(`another-secret-${randomBytes(24).toString('hex')}`);
    const statuses = new Map<number, number>();
    const count = (status: number): void => void statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let equivalent = 0;
    let bodies = 0;
    try {
      const victims: Victim[] = [];
      for (let i = 0; i < VICTIMS; i++) {
        const browser = client.shopper();
        ok(await client.act(browser, 'cart/addToCart', { sku: 'CHAIR-CAMP-01', count: 1 + (i % 3) }), 'addToCart');
        if (i % 2 === 1) ok(await client.act(browser, 'account/register', { email: `victim-${randomUUID()}@example.com`, password: 'victim-pass-1' }), 'register');
        const cart = ok(await client.act<CartView>(browser, 'cart/getCart'), 'getCart');
        victims.push({ browser, token: browser.sessionCookie() ?? '', session: client.sessionOf(browser), lines: cartLines(cart) });
      }
      const allSecrets = secretsOf(victims);

      // Tokens.
      const kinds: Kind[] = ['random', 'truncated', 'bit-flipped', 're-signed', 'over-size'];
      const jobs = kinds.flatMap((kind) => Array.from({ length: TOKENS_PER_KIND }, (_, i) => ({ kind, token: generate(kind, victims, random, client.key, otherKey, i), i })));
      // The hub itself never issues an over-size token, but one signed with its key is genuine: it may
      // show its own shopper's data (whoever holds it holds that session), and nobody else's.
      const genuine = (kind: Kind, i: number): Victim | undefined => (kind === 'over-size' && i % 2 === 0 ? victims[i % victims.length] : undefined);
      await inPool(jobs, IN_PARALLEL, async ({ kind, token, i }) => {
        if (client.decode(token) !== undefined && kind === 'bit-flipped') {
          equivalent++; // a flip in a base64url padding bit: the same token, spelt differently
          return;
        }
        const own = genuine(kind, i);
        const secrets = own === undefined ? allSecrets : new Set([...allSecrets].filter((id) => !secretsOf([own]).has(id)));
        // Writes only with tokens that are not genuine: a genuine one would change its own shopper's cart.
        const action = ['cart/getCart', 'account/getAccount', 'examples/getRewardPoints', 'cart/addToCart'][i % 10 === 9 && own === undefined ? 3 : i % 3] as string;
        const body = action === 'cart/addToCart' ? '{"sku":"MUG-ENAMEL-01"}' : '{}';
        let answer;
        try {
          answer = await client.raw(action, body, token);
        } catch (error) {
          losses.add('request failed', `${kind}: ${String(error).slice(0, 120)}`);
          return;
        }
        count(answer.status);
        if (answer.status >= 500) losses.add('hub answered 5xx', `${kind} token, ${action}: ${answer.status}`);
        const shown = leaks(JSON.stringify(answer.json ?? ''), secrets);
        if (shown !== undefined) losses.add("answer shows a real shopper's data", `${kind} token, ${action}: ${shown}…`);
        if (answer.sessionToken !== null) {
          const session = client.decode(answer.sessionToken);
          if (session === undefined) losses.add('hub issued an undecodable session', kind);
          else if (leaks(JSON.stringify(session), secrets) !== undefined) losses.add("session carries a real shopper's data", `${kind}, ${action}`);
        }
        if (own === undefined && action === 'account/getAccount' && (answer.json as { loggedIn?: unknown } | undefined)?.loggedIn === true) losses.add('signed in by a bad token', kind);
      });

      // Malformed bodies, each against a fresh shopper with a cart, whose session and cart must not change.
      const cases = malformedBodies('placeholder');
      await inPool(cases, IN_PARALLEL / 2, async ([path, body]) => {
        bodies++;
        const shopper = new RawShopper(`body ${path}`, client);
        const first = await shopper.call('cart/addToCart', { sku: 'LAMP-READ-01' });
        const lineItemId = (first.json as CartView).lineItems[0]?.id ?? '';
        const cartBefore = cartLines(first.json as CartView);
        const sessionBefore = JSON.stringify(shopper.session());
        const [action, query] = path.split('?') as [string, string | undefined];
        const answer = await client.raw(action, body.replace('"lineItemId":"placeholder"', `"lineItemId":"${lineItemId}"`), shopper.token, query === undefined ? '' : `?${query}`);
        count(answer.status);
        if (answer.status >= 500) losses.add('hub answered 5xx', `${path} ${body.slice(0, 60)}: ${answer.status}`);
        else if (answer.status < 400) losses.add('malformed body accepted', `${path} ${body.slice(0, 60)}: ${answer.status}`);
        else if (answer.status !== 404 && answer.status !== 413 && errorOf(answer.json) === undefined) losses.add('error without code and message', `${path} ${body.slice(0, 60)}: ${JSON.stringify(answer.json).slice(0, 100)}`);
        if (answer.sessionToken !== null && JSON.stringify(client.decode(answer.sessionToken)) !== sessionBefore) losses.add('malformed body changed the session', path);
        const after = await shopper.call('cart/getCart');
        if (after.status !== 200 || cartLines(after.json as CartView) !== cartBefore) losses.add('malformed body changed the cart', `${path} ${body.slice(0, 60)}`);
      });

      // The real shoppers: same carts, same sessions, still served.
      for (const [index, v] of victims.entries()) {
        const cart = await client.act<CartView>(v.browser, 'cart/getCart');
        if (cart.isError || cartLines(cart.data) !== v.lines) losses.add("a real shopper's cart changed", `victim ${index}`);
        if (JSON.stringify(client.sessionOf(v.browser)) !== JSON.stringify(v.session)) losses.add("a real shopper's session changed", `victim ${index}`);
      }
      return {
        tried: { tokens: jobs.length, 'malformed bodies': bodies, 'real shoppers checked': VICTIMS },
        lost: losses.list(),
        figures: {
          answers: [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' '),
          'bit flips that left the token equal (padding bits, skipped)': equivalent,
        },
      };
    } finally {
      await client.close();
    }
  },
};
