import { actionQueue } from '../helpers/Queue';
import { announceSessionEvent, onSessionEvent, type SessionEndReason } from './session-channel';

/** An action that waited for a session that ended (a logout or an expiry, here or in another tab) before it ran. */
export class SessionEndedError extends Error {
  readonly code = 'SESSION_ENDED';
  override readonly name = 'SessionEndedError';
  constructor(readonly reason: SessionEndReason) {
    super(
      reason === 'expired'
        ? 'Your sign-in expired before this action ran, so it was not sent. You are shopping as a guest now: try again, or sign in.'
        : 'You were signed out (in this tab or another) before this action ran, so it was not sent. Try again if you still want it.',
    );
  }
}

/**
 * The session ended: this tab's waiting actions are rejected with {@link SessionEndedError} (they were
 * meant for the session that is gone), and every tab hears it and shows the shopper signed out.
 */
export function endSession(reason: SessionEndReason): void {
  actionQueue.clear(new SessionEndedError(reason));
  announceSessionEvent({ kind: 'ended', reason });
}

/** Started once per tab: when another tab ends the session, this tab's waiting actions are rejected too. */
export function followSessionEndsElsewhere(): () => void {
  return onSessionEvent((event, elsewhere) => {
    if (elsewhere && event.kind === 'ended') actionQueue.clear(new SessionEndedError(event.reason));
  });
}
