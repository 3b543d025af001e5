'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { logout as signOutEverywhere } from '../../../lib/logout';
import { queuedAction } from '../../../lib/queued-action';
import { withoutErrorOf, type FieldErrors } from '../../../components/field-errors';
import { ACCOUNT_PATH, CART_PATH, SIGNED_OUT, type Account } from '../../../lib/shop-types';

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

function Field(props: { form: string; name: string; label: string; type?: string; autoComplete?: string; required?: boolean; errors: FieldErrors }) {
  const id = `${props.form}-${props.name}`;
  const error = props.errors[props.name];
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        required={props.required}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
      />
      {error !== undefined && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

function checkCredentials(form: FormData, minPassword: number): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(field(form, 'email'))) errors['email'] = 'Enter an email address like name@example.com.';
  const password = form.get('password');
  if (typeof password !== 'string' || password.length < minPassword) {
    errors['password'] = minPassword > 1 ? `Use at least ${minPassword} characters.` : 'Enter your password.';
  }
  return errors;
}

export function AccountView({ initialAccount, redirectAfterLogin }: { initialAccount: Account | null; redirectAfterLogin: string }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  // In the SWR cache, so a sign-in or sign-out in another tab shows here too (SessionSync).
  const { data: account, mutate: setAccount } = useSWR<Account>(ACCOUNT_PATH, {
    fallbackData: initialAccount ?? SIGNED_OUT,
    revalidateOnMount: false,
  });
  const [error, setError] = useState<unknown>(null);
  const [loginErrors, setLoginErrors] = useState<FieldErrors>({});
  const [registerErrors, setRegisterErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const run = async (send: () => Promise<Account>, after: (answer: Account) => void) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await send();
      await setAccount(answer, { revalidate: false });
      // The cart changed owner (merged on sign-in, forgotten on sign-out): fetch it again.
      await mutate(CART_PATH);
      after(answer);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const afterSignIn = () => {
    router.push(redirectAfterLogin);
    router.refresh();
  };

  const login = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors = checkCredentials(form, 1);
    setLoginErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void run(() => queuedAction<Account>('/action/account/login', { email: field(form, 'email'), password: form.get('password') }), afterSignIn);
  };

  const register = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors = checkCredentials(form, 8);
    setRegisterErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const names = Object.fromEntries(
      (['firstName', 'lastName'] as const).map((name) => [name, field(form, name)]).filter(([, value]) => value !== ''),
    );
    void run(() => queuedAction<Account>('/action/account/register', { email: field(form, 'email'), password: form.get('password'), ...names }), afterSignIn);
  };

  const logout = () => void run(signOutEverywhere, () => router.refresh());

  if (account?.loggedIn === true && account.customer !== undefined) {
    const { customer } = account;
    const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
    return (
      <section className="account" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <p data-testid="signed-in-as">
          Signed in as <strong>{name === '' ? customer.email : name}</strong> ({customer.email})
        </p>
        <ErrorMessage error={error} />
        <button type="button" className="button" onClick={logout} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </section>
    );
  }

  return (
    <section className="account forms" aria-label="Sign in or register">
      <ErrorMessage error={error} />
      <form className="card" onSubmit={login} onInput={(event) => setLoginErrors(withoutErrorOf(loginErrors, event.target))} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Sign in</h1>
        <Field form="login" name="email" label="Email" type="email" autoComplete="email" required errors={loginErrors} />
        <Field form="login" name="password" label="Password" type="password" autoComplete="current-password" required errors={loginErrors} />
        <button type="submit" className="button primary" disabled={busy}>{busy ? 'Please wait…' : 'Sign in'}</button>
      </form>
      <form className="card" onSubmit={register} onInput={(event) => setRegisterErrors(withoutErrorOf(registerErrors, event.target))} noValidate aria-labelledby="register-title">
        <h2 id="register-title">New here? Create an account</h2>
        <Field form="register" name="firstName" label="First name" autoComplete="given-name" errors={registerErrors} />
        <Field form="register" name="lastName" label="Last name" autoComplete="family-name" errors={registerErrors} />
        <Field form="register" name="email" label="Email" type="email" autoComplete="email" required errors={registerErrors} />
        <Field form="register" name="password" label="Password (8 characters or more)" type="password" autoComplete="new-password" required errors={registerErrors} />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Please wait…' : 'Create account'}</button>
      </form>
    </section>
  );
}
