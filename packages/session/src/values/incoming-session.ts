import { SessionError } from '../errors.js';
import type { KnownSessionKey } from '../session-data.js';
import { checkAuthToken } from './auth-token.js';
import { cloneJsonValue } from './clone-json-value.js';
import { deepFreeze } from './deep-freeze.js';

/** Something in the incoming session that could not be kept as it was. */
export interface SessionRepair {
  /** The key concerned, or `''` when the session as a whole was not an object. */
  key: string;
  problem: string;
  /** `dropped`: the key was removed; `trimmed`: the token kept its three fields and lost the others. */
  action: 'dropped' | 'trimmed';
}

export interface IncomingSession {
  /** Frozen copies, in the incoming key order. */
  entries: Map<string, unknown>;
  repairs: SessionRepair[];
}

const ID_KEYS: ReadonlySet<KnownSessionKey> = new Set(['customerId', 'cartId', 'lastOrderId']);

/**
 * Reads `request.sessionData` as the platform hands it over. Never throws: a session another (or an older)
 * extension wrote badly must not take the action down. Known keys of the wrong type are dropped; unknown keys
 * are kept as they are unless they are not JSON at all.
 */
export function readIncomingSession(sessionData: unknown): IncomingSession {
  const entries = new Map<string, unknown>();
  const repairs: SessionRepair[] = [];
  if (sessionData === null || sessionData === undefined) return { entries, repairs };
  if (typeof sessionData !== 'object' || Array.isArray(sessionData)) {
    repairs.push({ key: '', problem: `the session is ${Array.isArray(sessionData) ? 'an array' : typeof sessionData}, not an object`, action: 'dropped' });
    return { entries, repairs };
  }
  for (const [key, value] of Object.entries(sessionData)) {
    if (value === undefined) continue;
    if (key === 'token') {
      const check = checkAuthToken(value);
      if (!check.ok) {
        repairs.push({ key, problem: check.problem, action: 'dropped' });
        continue;
      }
      if (check.extraFields.length > 0) {
        repairs.push({ key, problem: `unexpected fields ${check.extraFields.join(', ')}`, action: 'trimmed' });
      }
      entries.set(key, check.token);
    } else if (ID_KEYS.has(key as KnownSessionKey)) {
      if (typeof value === 'string' && value !== '') entries.set(key, value);
      else repairs.push({ key, problem: 'not a non-empty string', action: 'dropped' });
    } else {
      try {
        entries.set(key, deepFreeze(cloneJsonValue(key, value)));
      } catch (error) {
        if (!(error instanceof SessionError)) throw error;
        repairs.push({ key, problem: error.message, action: 'dropped' });
      }
    }
  }
  return { entries, repairs };
}
