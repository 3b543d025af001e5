import { invalidJson } from '../errors.js';
import type { JsonObject } from '../http/body.js';

/** The checks the mock skips on a CartDraft: a currency must be an ISO 4217 code. */
export function validateCartDraft(draft: JsonObject): void {
  const { currency } = draft;
  if (currency === undefined) throw invalidJson('currency: Missing required value');
  if (typeof currency !== 'string') throw invalidJson('currency: JSON String expected.');
  if (!/^[A-Z]{3}$/.test(currency)) throw invalidJson(`currency: '${currency}' is not a valid ISO 4217 currency code.`);
}
