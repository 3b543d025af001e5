/** Why a session ended: a logout or an expired sign-in, here or in another tab (or, on the server, another request). */
export type SessionEndReason = 'logout' | 'expired';

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
