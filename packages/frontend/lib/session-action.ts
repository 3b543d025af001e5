import { SESSION_EXPIRED, sessionCookies } from './fetch-api-hub';
import { announceSessionEvent } from './session-channel';
import { readSessionToken } from './session-cookie';
import { endSession, SessionEndedError } from './session-end';
import { isSessionRead } from './session-reads';

/**
 * Whether the shopper has a session now. Taken when an action is queued, only to tell at its turn that
 * the session it was meant for has ended meanwhile; the token itself is read at the turn.
 */
export function hasSession(): boolean {
  const cookies = sessionCookies();
  return cookies !== undefined && readSessionToken(cookies) !== undefined;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * One action inside its turn of the actionQueue, with what every action needs around it whichever client
 * sends it (fetchApiHub or the frontend-sdk):
 * - queued with a session that has no cookie any more at its turn: a logout in another tab deleted it
 *   (its message may not have arrived yet); the action is rejected with {@link SessionEndedError}, unsent;
 * - a successful write is news for the other tabs;
 * - `SESSION_EXPIRED` ends the session in every tab.
 */
export async function runSessionAction<T>(path: string, queuedWithSession: boolean, call: () => Promise<T>): Promise<T> {
  if (queuedWithSession && !hasSession()) throw new SessionEndedError('logout');
  try {
    const answer = await call();
    if (!isSessionRead(path)) announceSessionEvent({ kind: 'changed' });
    return answer;
  } catch (error) {
    if (codeOf(error) === SESSION_EXPIRED) endSession('expired');
    throw error;
  }
}
