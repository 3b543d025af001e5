import { actionQueue } from '../helpers/Queue';
import { fetchApiHub, sessionCookies } from './fetch-api-hub';
import { ACTION_TIMEOUT_MS } from './queued-action';
import { deleteSessionCookies } from './session-cookie';
import { endSession } from './session-end';
import type { Account } from './shop-types';

/**
 * Signs the shopper out everywhere, in its turn of the browser-wide queue: the extension clears the
 * session, then the cookie goes (as the SDK's `invalidateSession()` does), so no tab can carry the old
 * session again; the actions still waiting in this tab and the others are rejected with
 * `SessionEndedError`, and every tab shows the shopper signed out.
 */
export function logout(): Promise<Account> {
  return actionQueue.add(
    async (signal) => {
      const account = await fetchApiHub<Account>('/action/account/logout', { method: 'POST', signal });
      const cookies = sessionCookies();
      if (cookies !== undefined) deleteSessionCookies(cookies);
      endSession('logout');
      return account;
    },
    { timeoutMs: ACTION_TIMEOUT_MS },
  );
}
