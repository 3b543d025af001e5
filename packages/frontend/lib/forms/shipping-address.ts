import type { FieldErrors } from '../../components/field-errors';
import type { Address } from '../shop-types';
import { textField } from './form-state';

export const COUNTRIES = [
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['NL', 'Netherlands'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
] as const;

export const REQUIRED = { firstName: 'First name', lastName: 'Last name', streetName: 'Street', postalCode: 'Postal code', city: 'City' } as const;

/** The checkout form's address, or what is missing: run in the browser before sending and again by the Server Action. */
export function readShippingAddress(form: FormData): { address: Address; fields: FieldErrors } {
  const fields: FieldErrors = {};
  for (const [name, label] of Object.entries(REQUIRED)) if (textField(form, name) === '') fields[name] = `${label} is required.`;
  if (!/^[A-Z]{2}$/.test(textField(form, 'country'))) fields['country'] = 'Choose a country.';
  const address: Address = {
    firstName: textField(form, 'firstName'),
    lastName: textField(form, 'lastName'),
    streetName: textField(form, 'streetName'),
    postalCode: textField(form, 'postalCode'),
    city: textField(form, 'city'),
    country: textField(form, 'country'),
  };
  return { address, fields };
}
