'use server';

import { checkCredentials, passwordField } from '../../lib/forms/credentials';
import { localPath, textField, type FormState } from '../../lib/forms/form-state';
import { runFormAction } from '../../lib/forms/run-form-action';
import type { Account } from '../../lib/shop-types';
import { storeSession } from '../../lib/store-session';

const afterSignIn = (form: FormData): string => localPath(form.get('redirectAfterLogin'), '/account');

/** Sign in: `email`, `password`, and where to go after it (`redirectAfterLogin`). */
export async function signIn(_previous: FormState<Account>, form: FormData): Promise<FormState<Account>> {
  return runFormAction(form, {
    check: () => checkCredentials(form, 1),
    values: () => ({ email: textField(form, 'email') }),
    call: () => storeSession.callAction<Account>({ actionName: 'account/login', payload: { email: textField(form, 'email'), password: passwordField(form) } }),
    redirectTo: () => afterSignIn(form),
  });
}

/** Register: `email`, `password` (8+), `firstName?`, `lastName?`. */
export async function register(_previous: FormState<Account>, form: FormData): Promise<FormState<Account>> {
  const names = Object.fromEntries((['firstName', 'lastName'] as const).map((name) => [name, textField(form, name)]).filter(([, value]) => value !== ''));
  return runFormAction(form, {
    check: () => checkCredentials(form, 8),
    values: () => ({ email: textField(form, 'email'), ...names }),
    call: () => storeSession.callAction<Account>({ actionName: 'account/register', payload: { email: textField(form, 'email'), password: passwordField(form), ...names } }),
    redirectTo: () => afterSignIn(form),
  });
}

/** Sign out: the extension clears the session, then the cookies go. */
export async function signOut(_previous: FormState<Account>, form: FormData): Promise<FormState<Account>> {
  return runFormAction(form, {
    call: () => storeSession.logout<Account>({ actionName: 'account/logout' }),
    redirectTo: () => '/login',
  });
}

/** Confirm an account from its mailed link: the link's `token` and the customer's `password`; signed in afterwards. */
export async function confirmAccount(_previous: FormState<Account>, form: FormData): Promise<FormState<Account>> {
  return runFormAction(form, {
    check: () => ({
      ...(textField(form, 'token') === '' ? { token: 'This link is incomplete: open the link from the mail again.' } : {}),
      ...(passwordField(form) === '' ? { password: 'Enter your password.' } : {}),
    }),
    call: () => storeSession.callAction<Account>({ actionName: 'account/confirm', payload: { token: textField(form, 'token'), password: passwordField(form) } }),
    redirectTo: () => '/account',
  });
}
