'use client';

import { useRouter } from 'next/navigation';
import { useSWRConfig } from 'swr';
import { confirmAccount } from '../app/actions/account';
import { FormStateError } from './ErrorMessage';
import { useQueuedForm } from './useQueuedForm';
import { passwordField } from '../lib/forms/credentials';
import { ACCOUNT_PATH, CART_PATH } from '../lib/shop-types';

/** "Confirm your email and sign in": the link's token travels as a hidden field of a POST, with the password. */
export function ConfirmAccountForm({ token }: { token: string }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const { state, formAction, onSubmit, onInput, pending } = useQueuedForm(confirmAccount, {
    actionPath: '/action/account/confirm',
    check: (form) => (passwordField(form) === '' ? { password: 'Enter your password.' } : {}),
    onDone: async (account) => {
      await mutate(ACCOUNT_PATH, account, { revalidate: false });
      await mutate(CART_PATH);
      router.push('/account');
    },
  });
  const fields = state.status === 'failed' ? (state.fields ?? {}) : {};
  const problem = fields['token'] ?? (token === '' ? 'This link is incomplete: open the link from the mail again.' : undefined);

  return (
    <form className="card confirm-account" action={formAction} onSubmit={onSubmit} onInput={onInput} noValidate aria-labelledby="confirm-title">
      <h1 id="confirm-title">Confirm your email and sign in</h1>
      <p>Enter your password once to confirm the address this link was sent to.</p>
      {problem !== undefined && <p className="error" role="alert">{problem}</p>}
      <FormStateError state={state} />
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="confirm-password">Password</label>
        <input
          id="confirm-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fields['password'] !== undefined}
          aria-describedby={fields['password'] === undefined ? undefined : 'confirm-password-error'}
        />
        {fields['password'] !== undefined && <span className="field-error" id="confirm-password-error">{fields['password']}</span>}
      </div>
      <button type="submit" className="button primary" disabled={pending || token === ''}>{pending ? 'Please wait…' : 'Confirm and sign in'}</button>
    </form>
  );
}
