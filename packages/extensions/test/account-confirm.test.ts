import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Account } from '../src/types/Account.js';
import type { Cart } from '../src/types/Cart.js';
import { startStore, type TestStore } from './support/store.js';

let store: TestStore;
// The platform's clock, moved forward to let a confirmation link expire.
let skewMs = 0;
beforeAll(async () => {
  store = await startStore({ platform: { now: () => Date.now() + skewMs } });
});
afterAll(async () => {
  await store?.close();
});

const password = 'confirm-horse-battery';
let counter = 0;

/** A customer registered on another device, and the token of a confirmation link mailed to them. */
async function customerWithLink(ttlMinutes?: number): Promise<{ email: string; id: string; token: string }> {
  counter += 1;
  const email = `confirm-${counter}@example.com`;
  const account = await store.act<Account>(store.shopper(), 'account/register', { email, password, firstName: 'Conny' });
  const id = account.customer?.id ?? '';
  return { email, id, token: await store.emailToken(id, ttlMinutes) };
}

const verified = async (id: string): Promise<boolean | undefined> => ((await store.platformGet(`/customers/${id}`)) as { isEmailVerified?: boolean }).isEmailVerified;

describe('account/confirm', () => {
  it("signs the shopper in with the link and the password, verifies the email, and keeps the guest's cart", async () => {
    const { email, id, token } = await customerWithLink();
    expect(await verified(id)).toBe(false);
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'MUG-ENAMEL-01' });

    const account = await store.act<Account>(guest, 'account/confirm', { token, password });
    expect(account).toEqual({ loggedIn: true, customer: expect.objectContaining({ id, email, firstName: 'Conny' }) });
    expect(await store.sessionOf(guest)).toMatchObject({ customerId: id });
    expect((await store.act<Cart>(guest, 'cart/getCart')).lineItems).toEqual([expect.objectContaining({ sku: 'MUG-ENAMEL-01' })]);
    expect(await verified(id)).toBe(true);

    // The link works once.
    const again = await store.rawAction(store.shopper(), 'account/confirm', JSON.stringify({ token, password }));
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: { code: 'CONFIRMATION_LINK_INVALID', message: expect.stringMatching(/not valid any more/) } });
  });

  it('a wrong password signs nobody in, changes no session and leaves the link usable', async () => {
    const { id, token } = await customerWithLink();
    const guest = store.shopper();
    await store.act(guest, 'cart/addToCart', { sku: 'PEN-FOUNTAIN-F' });
    const before = await store.sessionOf(guest);
    const wrong = await store.rawAction(guest, 'account/confirm', JSON.stringify({ token, password: 'not-the-password' }));
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) } });
    expect(await store.decode(wrong.sessionToken)).toEqual(before);
    expect(await verified(id)).toBe(false);
    expect((await store.act<Account>(guest, 'account/confirm', { token, password })).loggedIn).toBe(true);
  });

  it('an expired link is refused with CONFIRMATION_LINK_EXPIRED', async () => {
    const { id, token } = await customerWithLink(1);
    skewMs = 61_000;
    try {
      const answer = await store.rawAction(store.shopper(), 'account/confirm', JSON.stringify({ token, password }));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: { code: 'CONFIRMATION_LINK_EXPIRED', message: expect.stringMatching(/expired/) } });
    } finally {
      skewMs = 0;
    }
    expect(await verified(id)).toBe(false);
  });

  it.each([
    { label: 'an empty body', body: '{}', code: 'BAD_REQUEST' },
    { label: 'no password', body: '{"token": "x"}', code: 'BAD_REQUEST' },
    { label: 'no token', body: '{"password": "x"}', code: 'BAD_REQUEST' },
    { label: 'an empty token', body: '{"token": "", "password": "x"}', code: 'BAD_REQUEST' },
    { label: 'a token that is not a string', body: '{"token": 42, "password": "x"}', code: 'BAD_REQUEST' },
    { label: 'a token of 257 characters', body: JSON.stringify({ token: 'x'.repeat(257), password: 'x' }), code: 'BAD_REQUEST' },
    { label: 'an unknown field', body: '{"token": "x", "password": "x", "email": "a@b.c"}', code: 'BAD_REQUEST' },
    { label: 'a token commercetools never issued', body: '{"token": "no-such-token", "password": "x"}', code: 'CONFIRMATION_LINK_INVALID' },
    { label: 'broken JSON', body: '{"token": ', code: 'MALFORMED_JSON' },
  ])('$label → 400 $code, and no session change', async ({ body, code }) => {
    const shopper = store.shopper();
    const answer = await store.rawAction(shopper, 'account/confirm', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(await store.decode(answer.sessionToken)).toEqual({});
  });
});
