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
