'use server';

import { textField, type FormState } from '../../lib/forms/form-state';
import { runFormAction } from '../../lib/forms/run-form-action';
import { MAX_DELAY_MS, REWARD_UPDATES, type RewardPoints } from '../../lib/reward-points';
import { storeSession } from '../../lib/store-session';

/**
 * One of the four reward point updates: `change` names the action; `delayMs` (optional, 0 to 5000) is the
 * docs' race example's wait between the action's read and write of the session.
 */
export async function changeRewardPoints(_previous: FormState<RewardPoints>, form: FormData): Promise<FormState<RewardPoints>> {
  const change = REWARD_UPDATES.find((update) => update.action === textField(form, 'change'));
  const delay = textField(form, 'delayMs');
  const delayMs = delay === '' ? 0 : Number(delay);
  return runFormAction(form, {
    check: () => ({
      ...(change === undefined ? { change: 'Choose one of the four updates.' } : {}),
      ...(Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= MAX_DELAY_MS ? {} : { delayMs: `Choose a delay from 0 to ${MAX_DELAY_MS} ms.` }),
    }),
    call: () => storeSession.callAction<RewardPoints>({ actionName: `examples/${change?.action ?? ''}`, ...(delayMs > 0 ? { query: { delayMs } } : {}) }),
    redirectTo: () => '/rewards',
  });
}
