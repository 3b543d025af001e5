import { describe, expect, it } from '@jest/globals';
import { withoutErrorOf } from '../components/field-errors.js';

describe('withoutErrorOf', () => {
  const errors = { email: 'Enter an email address.', password: 'Use at least 8 characters.' };

  it("drops the error of the edited field and keeps the others", () => {
    expect(withoutErrorOf(errors, { name: 'email' } as unknown as EventTarget)).toEqual({ password: 'Use at least 8 characters.' });
  });

  it('returns the same object when the field has no error or the target has no name', () => {
    expect(withoutErrorOf(errors, { name: 'firstName' } as unknown as EventTarget)).toBe(errors);
    expect(withoutErrorOf(errors, {} as EventTarget)).toBe(errors);
  });
});
