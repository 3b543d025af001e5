/** Why a session ended: a logout (here or in another tab), or a sign-in the extension could not renew. */
export type SessionEndReason = 'logout' | 'expired';

/** An action was queued for a session that ended before its turn: it was not sent. */
export class SessionEndedError extends Error {
  readonly code = 'SESSION_ENDED';
  override readonly name = 'SessionEndedError';
  constructor(readonly reason: SessionEndReason) {
    super(`The session ${reason === 'expired' ? 'expired' : 'ended (a logout here or in another tab)'} before this action ran; it was not sent. Send it again if it is still wanted.`);
  }
}
