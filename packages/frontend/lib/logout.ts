import { actionQueue } from '../helpers/Queue';
import { fetchApiHub, sessionCookies } from './fetch-api-hub';
import { ACTION_TIMEOUT_MS } from './queued-action';
import { deleteSessionCookies } from './session-cookie';
import { endSession } from './session-end';
import type { Account } from './shop-types';

/**
 * What follows a successful `account/logout` inside its turn of the queue: the cookie goes (as the SDK's
 * `invalidateSession()` does), so no tab can carry the old session again, and the actions still waiting in
 * this tab and the others are rejected with `SessionEndedError` while every tab shows the shopper signed out.
 */
export function endSessionAfterLogout(): void {
  const cookies = sessionCookies();
  if (cookies !== undefined) deleteSessionCookies(cookies);
  endSession('logout');
}

/** Signs the shopper out everywhere, calling the hub from the browser, in its turn of the browser-wide queue. */
export function logout(): Promise<Account> {
  return actionQueue.add(
    async (signal) => {
      const account = await fetchApiHub<Account>('/action/account/logout', { method: 'POST', signal });
      endSessionAfterLogout();
      return account;
    },
    { timeoutMs: ACTION_TIMEOUT_MS },
  );
}
