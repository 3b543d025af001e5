import type { ActionScope } from '../actions/ActionScope.js';
import { AccountApi, type NewCustomer, type SignInResult } from '../commercetools/api/AccountApi.js';
import { mapCustomer } from '../mappers/customerMapper.js';
import { forgetCart, rememberCart } from '../session/cartReference.js';
import type { Account } from '../types/Account.js';

export type SignInRequest = { readonly kind: 'login'; readonly email: string; readonly password: string } | ({ readonly kind: 'register' } & NewCustomer);

/**
 * Signs the shopper in (or up) and stores the customer's token, id and resulting cart in the session.
 * A guest who holds an anonymous token signs in with it, so commercetools merges the guest's cart into
 * the customer's and moves the guest's orders over; a guest who never needed a token signs in through
 * the API client. Two requests either way: the sign-in and the customer's token.
 */
export async function signIn(scope: ActionScope, request: SignInRequest): Promise<Account> {
  const { session, commerce } = scope;
  const previousCustomerId = session.customerId;
  // A signed-in customer switching accounts must not hand their cart to the other account.
  const guestToken = previousCustomerId === undefined ? await scope.auth.existingToken() : undefined;
  const accounts = new AccountApi(guestToken === undefined ? await commerce.asClient() : commerce.asShopper(guestToken));
  const result: SignInResult =
    request.kind === 'login'
      ? await (guestToken === undefined ? accounts.signIn(request.email, request.password) : accounts.signInGuest(request.email, request.password))
      : await (guestToken === undefined ? accounts.signUp(request) : accounts.signUpGuest(request));
  const { token, customerId } = await commerce.oauth.customerToken(request.email, request.password);

  session.signin(token, customerId);
  if (previousCustomerId !== undefined && previousCustomerId !== customerId) session.lastOrderId = undefined;
  if (result.cart !== undefined && result.cart.cartState === 'Active') rememberCart(session, result.cart);
  else forgetCart(session);
  return { loggedIn: true, customer: mapCustomer(result.customer) };
}
