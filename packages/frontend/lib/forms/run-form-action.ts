import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FieldErrors } from '../../components/field-errors';
import { FetchApiHubError } from '../fetch-api-hub-error';
import { SessionEndedError } from '../session-ended-error';
import { SESSION_NEWS_COOKIE } from '../session-news';
import { hasErrors, VIA_FIELD, VIA_SCRIPT, type FormState } from './form-state';

export interface FormActionSteps<T> {
  /** The form's own checks; any error answers with the fields, and nothing is sent. */
  check?: () => FieldErrors;
  /** Values to put back into the form after a failure without JavaScript (never a password). */
  values?: () => Record<string, string>;
  /** The action call(s), through the store's server session. */
  call: () => Promise<T>;
  /** The page a browser without JavaScript is sent to after a success. */
  redirectTo: (data: T) => string;
}

/** Errors written for the shopper; anything else is a bug and fails the request. */
function failed<T>(error: unknown, values: Record<string, string> | undefined): FormState<T> {
  if (error instanceof FetchApiHubError || error instanceof SessionEndedError) {
    return { status: 'failed', error: { code: error.code, message: error.message }, ...(values === undefined ? {} : { values }) };
  }
  throw error;
}

/**
 * One store form's Server Action. Called by the page's script (in its turn of the browser-wide queue), it
 * answers with the data; sent by a browser without JavaScript, a success redirects to a page (so a reload
 * does not send the form again) and tells the tabs with JavaScript through the news cookie.
 */
export async function runFormAction<T>(form: FormData, steps: FormActionSteps<T>): Promise<FormState<T>> {
  const values = steps.values?.();
  const fields = steps.check?.() ?? {};
  if (hasErrors(fields)) {
    return { status: 'failed', error: { code: 'INVALID_INPUT', message: 'Please correct the marked fields.' }, fields, ...(values === undefined ? {} : { values }) };
  }
  const viaScript = form.get(VIA_FIELD) === VIA_SCRIPT;
  let data: T;
  try {
    data = await steps.call();
  } catch (error) {
    // A failure can change the session too (an expired sign-in is signed out).
    if (!viaScript) await tellTabs();
    return failed(error, values);
  }
  if (viaScript) return { status: 'done', data };
  await tellTabs();
  redirect(steps.redirectTo(data));
}

async function tellTabs(): Promise<void> {
  (await cookies()).set(SESSION_NEWS_COOKIE, crypto.randomUUID(), { path: '/', secure: true, sameSite: 'lax' });
}
