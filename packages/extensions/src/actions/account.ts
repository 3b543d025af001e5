import { AccountApi } from '../commercetools/api/AccountApi.js';
import { BadRequestError } from '../errors.js';
import { mapCustomer } from '../mappers/customerMapper.js';
import { signIn } from '../services/signIn.js';
import type { Account } from '../types/Account.js';
import { optional, string } from '../utils/validate.js';
import { defineAction } from './defineAction.js';

const email = (value: unknown, name: string): string => {
  const text = string()(value, name).trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw new BadRequestError(`"${name}" must be an email address.`);
  return text;
};
const password = string({ maxLength: 128 });

/** `account/register` `{ email, password, firstName?, lastName? }` → the account, signed in, guest cart kept. */
export const register = defineAction(async (scope) => {
  const draft = scope.body({ email, password, firstName: optional(string()), lastName: optional(string()) });
  if (draft.password.length < 8) throw new BadRequestError('"password" must be at least 8 characters long.');
  return { status: 201, body: await signIn(scope, { kind: 'register', ...draft }) };
});

/** `account/login` `{ email, password }` → the account; the guest's cart is merged into the customer's. */
export const login = defineAction(async (scope) => {
  const credentials = scope.body({ email, password });
  return { body: await signIn(scope, { kind: 'login', ...credentials }) };
});

/**
 * `account/confirm` `{ token, password }` → the account, signed in, its email verified. The token is the one
 * mailed in a confirmation link (`POST /customers/email-token`). commercetools gives a customer's own token
 * for a password only, and the session holds the customer's own token, so the link's page asks for the
 * password once. The sign-in comes first, as `account/login` (the guest's cart is merged): a wrong password
 * leaves the link usable.
 */
export const confirm = defineAction(async (scope) => {
  const { token, password: typed } = scope.body({ token: string({ maxLength: 256 }), password });
  const accounts = new AccountApi(await scope.commerce.asClient());
  const customer = await accounts.customerOfEmailToken(token);
  const account = await signIn(scope, { kind: 'login', email: customer.email, password: typed });
  await accounts.confirmEmail(token);
  return { body: account };
});

/** `account/logout` → revokes the shopper's commercetools tokens, then clears the session. */
export const logout = defineAction(async (scope) => {
  scope.body({});
  await scope.auth.revoke();
  scope.session.clear();
  return { body: { loggedIn: false } satisfies Account };
});

/** `account/getAccount` → `{ loggedIn, customer? }`. */
export const getAccount = defineAction(async (scope) => {
  scope.body({});
  if (scope.session.customerId === undefined) return { body: { loggedIn: false } satisfies Account };
  const customer = await new AccountApi(await scope.shopperApi()).me();
  return { body: { loggedIn: true, customer: mapCustomer(customer) } satisfies Account };
});
