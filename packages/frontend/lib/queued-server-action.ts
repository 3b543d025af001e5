import { actionQueue } from '../helpers/Queue';
import type { FormState } from './forms/form-state';
import { ACTION_TIMEOUT_MS } from './hub-call';
import { hasSession, runSessionAction } from './session-action';

/** A Server Action answered with a failure: thrown inside the turn so the session rules see its code, then given back as the state. */
class FormFailedError<T> extends Error {
  override readonly name = 'FormFailedError';
  readonly code: string;
  constructor(readonly state: Extract<FormState<T>, { status: 'failed' }>) {
    super(state.error.message);
    this.code = state.error.code;
  }
}

export interface QueuedServerActionOptions<T> {
  /** Runs inside the same turn, right after a success (a logout deletes the cookie and ends the session there). */
  inTurn?: (data: T) => void;
  timeoutMs?: number;
}

/**
 * Calls a store form's Server Action from the page's script in its turn of the browser-wide actionQueue,
 * with every action's session rules (`runSessionAction`): refused unsent when its session ended meanwhile,
 * a success told to the other tabs, `SESSION_EXPIRED` ending the session everywhere. The request carries the
 * cookie the browser holds at the turn, and the answer's Set-Cookie is stored before the turn passes on.
 * `actionPath` is the hub action it stands for (`/action/cart/addToCart`). A Server Action cannot be aborted:
 * after the timeout the queue moves on, and the call may still finish.
 */
export function queuedServerAction<T>(actionPath: string, call: () => Promise<FormState<T>>, options: QueuedServerActionOptions<T> = {}): Promise<FormState<T>> {
  const queuedWithSession = hasSession();
  return actionQueue
    .add(
      async () => {
        const state = await runSessionAction(actionPath, queuedWithSession, async () => {
          const answer = await call();
          if (answer.status === 'failed') throw new FormFailedError(answer);
          return answer;
        });
        // After the success is told (a logout's end must be the last news the other tabs hear), still in the turn.
        if (state.status === 'done') options.inTurn?.(state.data);
        return state;
      },
      { timeoutMs: options.timeoutMs ?? ACTION_TIMEOUT_MS },
    )
    .catch((error: unknown) => {
      if (error instanceof FormFailedError) return error.state as FormState<T>;
      throw error;
    });
}
