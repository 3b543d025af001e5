import { isSessionData, type SessionData } from './codec.js';

/**
 * What an action's response asks for, by the platform's rules:
 * an object replaces the session (nothing is merged), a missing key keeps it, `null` clears it.
 */
export type SessionWrite =
  | { readonly kind: 'keep' }
  | { readonly kind: 'replace'; readonly session: SessionData }
  | { readonly kind: 'clear' }
  | { readonly kind: 'invalid'; readonly reason: string };

export function sessionWriteOf(result: unknown): SessionWrite {
  if (!isSessionData(result) || !('sessionData' in result) || result['sessionData'] === undefined) return { kind: 'keep' };
  const sessionData = result['sessionData'];
  if (sessionData === null) return { kind: 'clear' };
  if (isSessionData(sessionData)) return { kind: 'replace', session: sessionData };
  return { kind: 'invalid', reason: `sessionData must be an object or null, got ${Array.isArray(sessionData) ? 'an array' : typeof sessionData}` };
}
