import type { Cart, Customer, CustomerSignInResult } from '@commercetools/platform-sdk';
import { BadRequestError, InvalidCredentialsError } from '../../errors.js';
import { CommercetoolsApiError } from '../http/CommercetoolsApiError.js';
import type { ProjectApi } from '../http/createProjectApi.js';

export interface SignInResult {
  readonly customer: Customer;
  /** The customer's active cart after the guest's cart was merged into it, if there is one. */
  readonly cart: Cart | undefined;
}

export interface NewCustomer {
  readonly email: string;
  readonly password: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}

/**
 * Sign-in and sign-up. With a guest's anonymous token (`/me/login`, `/me/signup`) commercetools merges
 * the guest's active cart into the customer's and moves the guest's carts and orders to the customer.
 * Without one (a guest who never needed a token) the server-side endpoints do the rest.
 */
export class AccountApi {
  constructor(private readonly api: ProjectApi) {}

  /** `/me/login` with the guest's anonymous token. */
  async signInGuest(email: string, password: string): Promise<SignInResult> {
    return toSignInResult(
      await credentialsChecked(() =>
        this.api.me().login().post({ body: { email, password, activeCartSignInMode: 'MergeWithExistingCustomerCart' } }).execute(),
      ),
    );
  }

  /** `POST /{projectKey}/login` with the API client's token, for a shopper who has no token yet. */
  async signIn(email: string, password: string): Promise<SignInResult> {
    return toSignInResult(await credentialsChecked(() => this.api.login().post({ body: { email, password } }).execute()));
  }

  /** `/me/signup` with the guest's anonymous token: the guest's carts and orders become the customer's. */
  async signUpGuest(draft: NewCustomer): Promise<SignInResult> {
    return toSignInResult(await duplicateChecked(() => this.api.me().signup().post({ body: { ...draft } }).execute()));
  }

  /** `POST /{projectKey}/customers` with the API client's token. */
  async signUp(draft: NewCustomer): Promise<SignInResult> {
    return toSignInResult(await duplicateChecked(() => this.api.customers().post({ body: { ...draft } }).execute()));
  }

  /** The customer an email verification token belongs to (`GET /customers/email-token={token}`, the API client's token). */
  async customerOfEmailToken(token: string): Promise<Customer> {
    return (await emailTokenChecked(() => this.api.customers().withEmailToken({ emailToken: token }).get().execute())).body;
  }

  /**
   * Marks the token's customer's email verified (`POST /customers/email/confirm`); commercetools then voids every
   * email token of that customer. A token that is gone by now was used by another confirmation of the same link
   * at the same moment: the email is verified either way.
   */
  async confirmEmail(token: string): Promise<void> {
    try {
      await this.api.customers().emailConfirm().post({ body: { tokenValue: token } }).execute();
    } catch (error) {
      if (error instanceof CommercetoolsApiError && error.status === 404) return;
      throw error;
    }
  }

  /** The signed-in customer (`/me` with the customer's token). */
  async me(): Promise<Customer> {
    return (await this.api.me().get().execute()).body;
  }
}

function toSignInResult(answer: { body: CustomerSignInResult }): SignInResult {
  return { customer: answer.body.customer, cart: answer.body.cart };
}

async function credentialsChecked<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CommercetoolsApiError && error.status === 400 && error.code === 'InvalidCredentials') throw new InvalidCredentialsError();
    throw error;
  }
}

async function duplicateChecked<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CommercetoolsApiError && error.status === 400 && error.code === 'DuplicateField') {
      throw new BadRequestError('An account with this email already exists. Log in instead.', 'EMAIL_TAKEN');
    }
    throw error;
  }
}

/** An email token commercetools does not know (used, replaced, never issued) or that expired: the link is spent, not the request malformed. */
async function emailTokenChecked<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CommercetoolsApiError && error.status === 400 && error.code === 'ExpiredCustomerEmailToken') {
      throw new BadRequestError('This confirmation link has expired. Sign in with your email and password, or ask for a new link.', 'CONFIRMATION_LINK_EXPIRED');
    }
    if (error instanceof CommercetoolsApiError && error.status === 404) {
      throw new BadRequestError('This confirmation link is not valid any more: it was used already or replaced by a newer one. Sign in with your email and password.', 'CONFIRMATION_LINK_INVALID');
    }
    throw error;
  }
}
