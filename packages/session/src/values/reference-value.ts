import { SessionNestedObjectError } from '../errors.js';
import type { SessionScalar, SessionValue } from '../session-data.js';
import { cloneJsonValue } from './clone-json-value.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * Checks that a value is a reference (scalar or array of scalars) and returns a frozen copy, so that
 * later changes to the caller's array cannot slip into the session unchecked.
 */
export function toReferenceValue(key: string, value: unknown): SessionValue {
  // Not-JSON problems (cycles, functions, BigInt...) are reported first: they are the more precise diagnosis.
  const copy = cloneJsonValue(key, value);
  if (copy === null || typeof copy !== 'object') return copy as SessionScalar;
  if (!Array.isArray(copy)) throw new SessionNestedObjectError(key, key);
  copy.forEach((item: unknown, i) => {
    if (item !== null && typeof item === 'object') throw new SessionNestedObjectError(key, `${key}[${i}]`);
  });
  return deepFreeze(copy as SessionScalar[]);
}
