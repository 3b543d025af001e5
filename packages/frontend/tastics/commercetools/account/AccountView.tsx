'use client';

import { useRouter } from 'next/navigation';
import useSWR, { useSWRConfig } from 'swr';
import { register, signIn, signOut } from '../../../app/actions/account';
import { FormStateError } from '../../../components/ErrorMessage';
import type { FieldErrors } from '../../../components/field-errors';
import { useQueuedForm } from '../../../components/useQueuedForm';
import { checkCredentials } from '../../../lib/forms/credentials';
import type { FormState } from '../../../lib/forms/form-state';
import { endSessionAfterLogout } from '../../../lib/logout';
import { ACCOUNT_PATH, CART_PATH, SIGNED_OUT, type Account } from '../../../lib/shop-types';

function Field(props: { form: string; name: string; label: string; type?: string; autoComplete?: string; required?: boolean; state: FormState<Account> }) {
  const id = `${props.form}-${props.name}`;
  const fields: FieldErrors = props.state.status === 'failed' ? (props.state.fields ?? {}) : {};
  const error = fields[props.name];
  // Without JavaScript the page is rendered again after a failure: the email comes back, never the password.
  const value = props.state.status === 'failed' && props.type !== 'password' ? props.state.values?.[props.name] : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        required={props.required}
        defaultValue={value}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
      />
      {error !== undefined && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

export function AccountView({ initialAccount, redirectAfterLogin }: { initialAccount: Account | null; redirectAfterLogin: string }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  // In the SWR cache, so a sign-in or sign-out in another tab shows here too (SessionSync).
  const { data: account, mutate: setAccount } = useSWR<Account>(ACCOUNT_PATH, {
    fallbackData: initialAccount ?? SIGNED_OUT,
    revalidateOnMount: false,
  });

  const signedIn = async (answer: Account) => {
    await setAccount(answer, { revalidate: false });
    // The cart changed owner (merged on sign-in): fetch it again.
    await mutate(CART_PATH);
    router.push(redirectAfterLogin);
    router.refresh();
  };
  const login = useQueuedForm(signIn, { actionPath: '/action/account/login', check: (form) => checkCredentials(form, 1), onDone: signedIn });
  const signUp = useQueuedForm(register, { actionPath: '/action/account/register', check: (form) => checkCredentials(form, 8), onDone: signedIn });
  const logout = useQueuedForm(signOut, {
    actionPath: '/action/account/logout',
    inTurn: endSessionAfterLogout,
    onDone: async (answer) => {
      await setAccount(answer, { revalidate: false });
      await mutate(CART_PATH);
      router.refresh();
    },
  });

  if (account?.loggedIn === true && account.customer !== undefined) {
    const { customer } = account;
    const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
    return (
      <section className="account" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <p data-testid="signed-in-as">
          Signed in as <strong>{name === '' ? customer.email : name}</strong> ({customer.email})
        </p>
        <form action={logout.formAction} onSubmit={logout.onSubmit}>
          <FormStateError state={logout.state} />
          <button type="submit" className="button" disabled={logout.pending}>
            {logout.pending ? 'Signing out…' : 'Sign out'}
          </button>
        </form>
      </section>
    );
  }

  const busy = login.pending || signUp.pending;
  return (
    <section className="account forms" aria-label="Sign in or register">
      <form className="card" action={login.formAction} onSubmit={login.onSubmit} onInput={login.onInput} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Sign in</h1>
        <FormStateError state={login.state} />
        <input type="hidden" name="redirectAfterLogin" value={redirectAfterLogin} />
        <Field form="login" name="email" label="Email" type="email" autoComplete="email" required state={login.state} />
        <Field form="login" name="password" label="Password" type="password" autoComplete="current-password" required state={login.state} />
        <button type="submit" className="button primary" disabled={busy}>{login.pending ? 'Please wait…' : 'Sign in'}</button>
      </form>
      <form className="card" action={signUp.formAction} onSubmit={signUp.onSubmit} onInput={signUp.onInput} noValidate aria-labelledby="register-title">
        <h2 id="register-title">New here? Create an account</h2>
        <FormStateError state={signUp.state} />
        <input type="hidden" name="redirectAfterLogin" value={redirectAfterLogin} />
        <Field form="register" name="firstName" label="First name" autoComplete="given-name" state={signUp.state} />
        <Field form="register" name="lastName" label="Last name" autoComplete="family-name" state={signUp.state} />
        <Field form="register" name="email" label="Email" type="email" autoComplete="email" required state={signUp.state} />
        <Field form="register" name="password" label="Password (8 characters or more)" type="password" autoComplete="new-password" required state={signUp.state} />
        <button type="submit" className="button" disabled={busy}>{signUp.pending ? 'Please wait…' : 'Create account'}</button>
      </form>
    </section>
  );
}
