import { apiError } from '../errors.js';

// commercetools' query limits: at most 500 results per page, offsets up to 10000.
const LIMITS = { limit: 500, offset: 10_000 } as const;

/** Refuses `limit`/`offset` values commercetools refuses (the mock takes anything). */
export function checkPaging(query: URLSearchParams): void {
  for (const [name, max] of Object.entries(LIMITS)) {
    const value = query.get(name);
    if (value === null) continue;
    const number = Number(value);
    if (value.trim() === '' || !Number.isInteger(number) || number < 0 || number > max) {
      throw apiError(400, 'InvalidInput', `The query parameter '${name}' must be an integer from 0 to ${max}, got '${value}'.`);
    }
  }
}
