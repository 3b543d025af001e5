import type { FieldErrors } from '../../components/field-errors';
import { textField } from './form-state';

/** The sign-in and register checks, run in the browser before sending and again by the Server Action. */
export function checkCredentials(form: FormData, minPassword: number): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(textField(form, 'email'))) errors['email'] = 'Enter an email address like name@example.com.';
  const password = form.get('password');
  if (typeof password !== 'string' || password.length < minPassword) {
    errors['password'] = minPassword > 1 ? `Use at least ${minPassword} characters.` : 'Enter your password.';
  }
  return errors;
}

/** The password as typed: never trimmed (spaces may be part of it), '' when missing. */
export function passwordField(form: FormData): string {
  const value = form.get('password');
  return typeof value === 'string' ? value : '';
}
