import type { FieldErrors } from '../../components/field-errors';

/** An error as a form shows it: the stable code and a message written for the shopper. */
export interface FormError {
  code: string;
  message: string;
}

/**
 * What a store form's Server Action answers, both to `useActionState` (a submission without JavaScript,
 * rendered by the server) and to the script that called it in its turn of the queue. Plain data: it crosses
 * the network.
 */
export type FormState<T> =
  | { status: 'idle' }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: FormError; fields?: FieldErrors; values?: Record<string, string> };

export type FormAction<T> = (previous: FormState<T>, form: FormData) => Promise<FormState<T>>;

export const IDLE: FormState<never> = { status: 'idle' };

/**
 * Set by the page's script on the form data it sends. A submission without it came from a browser without
 * JavaScript: the Server Action then answers with a redirect to a page (post/redirect/get) instead of data.
 */
export const VIA_FIELD = 'via';
export const VIA_SCRIPT = 'script';

/** Where a form without JavaScript returns to: the page it was on. */
export const RETURN_TO_FIELD = 'returnTo';

/** A path on this site, never another origin (`//host`, `/\host`), for a redirect taken from a form. */
export function localPath(value: FormDataEntryValue | null | undefined, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}

/** A text field, trimmed; '' when missing. */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function hasErrors(fields: FieldErrors): boolean {
  return Object.keys(fields).length > 0;
}
