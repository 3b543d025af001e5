import type { ActionHandler } from '@ctp-session/session';
import { CartApi } from '../commercetools/api/CartApi.js';
import { rememberCart } from '../session/cartReference.js';
import { integerString, optional } from '../utils/validate.js';
import { defineAction } from './defineAction.js';
import type { ActionScope } from './ActionScope.js';

/** Upper bound of `?delayMs=`, well inside the platform's 10 s action timeout. */
export const MAX_DELAY_MS = 5_000;

/**
 * `examples/saveCartIdInSession` (from the platform's session docs): looks up the shopper's active cart
 * and keeps its id in the session → `{ cartId }` (`null` when there is none; nothing is created).
 */
export const saveCartIdInSession = defineAction(async (scope) => {
  scope.body({});
  const api = await scope.existingShopperApi();
  const cart = api && (await new CartApi(api).getMyActiveCart());
  if (cart !== undefined) rememberCart(scope.session, cart);
  return { body: { cartId: cart?.id ?? scope.session.cartId ?? null } };
});

/** `examples/getRewardPoints` → `{ rewardPoints }` (0 when the session has none). */
export const getRewardPoints = defineAction((scope) => {
  scope.body({});
  return { body: { rewardPoints: points(scope) } };
});

/**
 * A read-modify-write of the session's reward points, as in the docs. The optional `?delayMs=` waits
 * between the read and the write, which is exactly where two unqueued calls race: both read the same
 * points and the one that finishes last overwrites the other's write.
 */
function changeRewardPoints(delta: number): ActionHandler {
  return defineAction(async (scope) => {
    scope.body({});
    const { delayMs } = scope.query({ delayMs: optional(integerString(0, MAX_DELAY_MS), 0) });
    const before = points(scope);
    if (delayMs !== undefined && delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    scope.session.set('rewardPoints', before + delta);
    return { body: { rewardPoints: before + delta } };
  });
}

function points(scope: ActionScope): number {
  const value = scope.session.get('rewardPoints');
  return typeof value === 'number' ? value : 0;
}

export const addFiftyRewardsPoints = changeRewardPoints(50);
export const addTwentyRewardsPoints = changeRewardPoints(20);
export const deductTwentyRewardPoints = changeRewardPoints(-20);
export const deductFiftyRewardsPoints = changeRewardPoints(-50);
