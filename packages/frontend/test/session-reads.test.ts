import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStore, type Store } from '@ctp-session/store';
import { createServerSession, SessionWriteInServerComponentError, type ServerCookies } from '../lib/server-session/index.js';
import { isSessionRead, SESSION_READS } from '../lib/session-reads.js';
import type { Cart } from '../lib/shop-types.js';
import { actionCookies, componentCookies } from './support/next-cookies.js';

// The store's hub, bundle and platform (no Next.js): the declared kinds against the real extensions.
let store: Store;
beforeAll(async () => {
  store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true, frontend: false });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const session = (cookies: ServerCookies) =>
  createServerSession({ endpoint: store.hubUrl, isSessionRead: (actionName) => isSessionRead(`/action/${actionName}`), cookies: () => cookies, mode: 'development' });

/** The cookie a Server Action left: the token it set. */
function tokenSet(setCookies: string[]): string {
  return /^frontastic-session=([^;]*);/.exec(setCookies.at(-1) ?? '')?.[1] ?? '';
}

/** A session made by Server Actions: a guest with a cart, or a customer with one. */
async function shopperSession(customer: boolean): Promise<string> {
  const start = actionCookies();
  await session(start.cookies).callAction({ actionName: 'cart/addToCart', payload: { sku: 'MUG-ENAMEL-01' } });
  if (!customer) return tokenSet(start.setCookies());
  const next = actionCookies(`frontastic-session=${tokenSet(start.setCookies())}`);
  await session(next.cookies).callAction({ actionName: 'account/register', payload: { email: `reads-${Date.now()}@example.com`, password: 'reads-password-1' } });
  return tokenSet(next.setCookies());
}

describe('the declared reads, against the extensions', () => {
  it.each([
    ['a guest with a cart', false],
    ['a customer with a cart', true],
  ])('none of them writes the session of %s (the hub sends back the very token it got)', async (_who, customer) => {
    const token = await shopperSession(customer);
    for (const path of SESSION_READS) {
      const { cookies, setCookies } = actionCookies(`frontastic-session=${token}`);
      await session(cookies).callAction({ actionName: path.replace('/action/', '') });
      expect({ path, token: tokenSet(setCookies()) }).toEqual({ path, token });
    }
  });

  it('a Server Component that calls a writing action fails in development with the named error, and nothing is added', async () => {
    const token = await shopperSession(false);
    const component = session(componentCookies(`frontastic-session=${token}`));
    await expect(component.readAction({ actionName: 'cart/addToCart', payload: { sku: 'LAMP-READ-01' } })).rejects.toBeInstanceOf(SessionWriteInServerComponentError);
    const cart = await component.readAction<Cart>({ actionName: 'cart/getCart' });
    expect(cart.lineItems.map((item) => item.sku)).toEqual(['MUG-ENAMEL-01']);
  });
});
