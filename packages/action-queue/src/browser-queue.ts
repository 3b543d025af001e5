import { ActionQueue, type ActionQueueOptions } from './action-queue';
import { cookieSettled, SESSION_COOKIE } from './cookie-settled';

/** The Web Lock that orders the actions of every tab of the origin, unless another name is given. */
export const DEFAULT_LOCK_NAME = 'ctp-session:action-queue';

/**
 * The queue a storefront wants for every action that reads or writes the session: ordered across every tab
 * and window of the origin (Web Locks), and handing the turn to another tab only once the browser's cookie
 * store holds the `frontastic-session` this tab wrote. Where Web Locks do not exist it orders this tab only.
 */
export function createBrowserQueue(options: ActionQueueOptions = {}): ActionQueue {
  return new ActionQueue({ lockName: DEFAULT_LOCK_NAME, beforeHandOver: () => cookieSettled(SESSION_COOKIE), ...options });
}
