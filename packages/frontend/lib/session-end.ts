import { actionQueue } from '../helpers/Queue';
import { announceSessionEvent, onSessionEvent } from './session-channel';
import { SessionEndedError, type SessionEndReason } from './session-ended-error';

export { SessionEndedError } from './session-ended-error';

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
