import { describe, expect, it } from '@jest/globals';
import { confirmAccount, register, signIn } from '../app/actions/account.js';
import { addToCart, changeCartLine } from '../app/actions/cart.js';
import { placeOrder } from '../app/actions/checkout.js';
import { changeRewardPoints } from '../app/actions/rewards.js';
import { IDLE, localPath, type FormState } from '../lib/forms/form-state.js';

// Every bad input of the store's Server Actions is answered by their own checks, before the hub is asked:
// these calls run outside Next.js and with no hub at all.
const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

function fieldsOf(state: FormState<unknown>): Partial<Record<string, string>> {
  if (state.status !== 'failed') throw new Error(`expected a failure, got ${state.status}`);
  expect(state.error.code).toBe('INVALID_INPUT');
  return state.fields ?? {};
}

describe("the store's Server Actions refuse bad input with field errors, sending nothing", () => {
  it.each([
    ['add to cart without a SKU', () => addToCart(IDLE, form({})), ['sku']],
    ['a cart line without its id', () => changeCartLine(IDLE, form({ quantity: '2', intent: 'update' })), ['lineItemId']],
    ['a quantity that is not a number', () => changeCartLine(IDLE, form({ lineItemId: 'x', quantity: 'two', intent: 'update' })), ['quantity']],
    ['a negative quantity', () => changeCartLine(IDLE, form({ lineItemId: 'x', quantity: '-1', intent: 'update' })), ['quantity']],
    ['a quantity over 999', () => changeCartLine(IDLE, form({ lineItemId: 'x', quantity: '1000', intent: 'update' })), ['quantity']],
    ['a fractional quantity', () => changeCartLine(IDLE, form({ lineItemId: 'x', quantity: '1.5' })), ['quantity']],
    ['removing without a line id', () => changeCartLine(IDLE, form({ intent: 'remove' })), ['lineItemId']],
    ['sign in without anything', () => signIn(IDLE, form({})), ['email', 'password']],
    ['sign in with a bad email', () => signIn(IDLE, form({ email: 'not-an-email', password: 'x' })), ['email']],
    ['register with a short password', () => register(IDLE, form({ email: 'a@example.com', password: 'short' })), ['password']],
    ['an order without an address', () => placeOrder(IDLE, form({ country: 'DE' })), ['firstName', 'lastName', 'streetName', 'postalCode', 'city']],
    ['an order with a country name instead of its code', () => placeOrder(IDLE, form({ firstName: 'A', lastName: 'B', streetName: 'C', postalCode: '1', city: 'D', country: 'Germany' })), ['country']],
    ['an unknown reward update', () => changeRewardPoints(IDLE, form({ change: 'addMillionPoints' })), ['change']],
    ['a negative delay', () => changeRewardPoints(IDLE, form({ change: 'addFiftyRewardsPoints', delayMs: '-1' })), ['delayMs']],
    ['a delay over 5 s', () => changeRewardPoints(IDLE, form({ change: 'addFiftyRewardsPoints', delayMs: '5001' })), ['delayMs']],
    ['a delay that is not a number', () => changeRewardPoints(IDLE, form({ change: 'addFiftyRewardsPoints', delayMs: 'soon' })), ['delayMs']],
    ['a confirmation without token and password', () => confirmAccount(IDLE, form({})), ['token', 'password']],
  ] as const)('%s', async (_case, send, expected) => {
    expect(Object.keys(fieldsOf(await send())).sort()).toEqual([...expected].sort());
  });

  it('gives back what was typed, never the password', async () => {
    const state = await signIn(IDLE, form({ email: 'not-an-email', password: 'secret-password' }));
    expect(state).toMatchObject({ status: 'failed', values: { email: 'not-an-email' } });
    expect(JSON.stringify(state)).not.toContain('secret-password');
  });
});

describe('localPath: where a form without JavaScript is sent back to', () => {
  it.each([
    ['/cart', '/cart'],
    ['/p/MUG-ENAMEL-01', '/p/MUG-ENAMEL-01'],
    ['//attacker.example/x', '/'],
    ['/\\attacker.example', '/'],
    ['https://attacker.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['cart', '/'],
    ['', '/'],
  ])('%s → %s', (value, expected) => {
    expect(localPath(value, '/')).toBe(expected);
  });

  it('takes the fallback for a missing field or a file', () => {
    expect(localPath(null, '/cart')).toBe('/cart');
    expect(localPath(new File(['x'], 'x.txt'), '/cart')).toBe('/cart');
  });
});
