import type { Cart, Customer } from '@commercetools/platform-sdk';
import { findActiveCart } from '../carts/active-cart.js';
import { findCustomerByCredentials } from '../customers/credentials.js';
import { apiError } from '../errors.js';
import type { MockGateway } from '../mock/gateway.js';
import { assignAnonymousSession } from './assign-session.js';
import { settleGuestCart, type CartSignInMode } from './cart-merge.js';
import { anonymousSessionPredicate, customerPredicate } from './owner.js';

export interface SignIn {
  readonly email: string;
  readonly password: string;
  readonly mode: CartSignInMode;
  /** The guest session whose carts and orders go to the customer. */
  readonly anonymousId?: string;
  /** The guest cart to settle; by default the session's active cart. */
  readonly anonymousCartId?: string;
}

export interface SignInResult {
  readonly customer: Customer;
  readonly cart?: Cart;
}

/** Sign-in as `/me/login` and `/login` do it: check credentials, then hand the guest's session over. */
export async function signIn(gateway: MockGateway, input: SignIn): Promise<SignInResult> {
  const customer = await findCustomerByCredentials(gateway, input.email, input.password);
  if (!customer) throw apiError(400, 'InvalidCredentials', 'Account with the given credentials not found.');

  const customerCart = await findActiveCart(gateway, customerPredicate(customer.id));
  const guestCart = await guestCartOf(gateway, customer, input);
  if (input.anonymousId !== undefined) await assignAnonymousSession(gateway, input.anonymousId, customer.id, guestCart?.id);

  const cart = guestCart ? await settleGuestCart(gateway, customer.id, guestCart, customerCart, input.mode) : customerCart;
  return cart ? { customer, cart } : { customer };
}

async function guestCartOf(gateway: MockGateway, customer: Customer, input: SignIn): Promise<Cart | undefined> {
  if (input.anonymousCartId === undefined) {
    return input.anonymousId === undefined ? undefined : findActiveCart(gateway, anonymousSessionPredicate(input.anonymousId));
  }
  const cart = await gateway.findCart(input.anonymousCartId);
  if (!cart) {
    throw apiError(400, 'ReferencedResourceNotFound', `The referenced object of type 'cart' with id '${input.anonymousCartId}' was not found.`, {
      typeId: 'cart',
      id: input.anonymousCartId,
    });
  }
  if (cart.customerId !== undefined && cart.customerId !== customer.id) {
    throw apiError(400, 'InvalidOperation', `Cart '${cart.id}' belongs to another customer and cannot be signed in with.`);
  }
  return cart.cartState === 'Active' ? cart : undefined;
}
