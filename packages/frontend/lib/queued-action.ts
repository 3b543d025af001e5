import { actionQueue } from '../helpers/Queue';
import { fetchApiHub } from './fetch-api-hub';
import { ACTION_TIMEOUT_MS } from './hub-call';
import { hasSession, runSessionAction } from './session-action';

export { ACTION_TIMEOUT_MS } from './hub-call';

export interface QueuedActionOptions {
  /** Aborts the request and frees the queue after this long (default {@link ACTION_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * Runs an action through the `actionQueue`, with the queue item's AbortSignal passed to fetch.
 *
 * Every action answer carries the session, reads included (the hub re-issues the incoming one), so
 * a read that was sent before a write and answers after it would put the old session back. That is
 * why reads go through the queue too, not only writes. The cookie is read when the item has its turn,
 * so the action carries the session that the previous action, in any tab, left behind.
 */
export function queuedAction<T = unknown>(path: string, body?: unknown, options: QueuedActionOptions = {}): Promise<T> {
  const queuedWithSession = hasSession();
  return actionQueue.add(
    (signal) =>
      runSessionAction(path, queuedWithSession, () =>
        fetchApiHub<T>(path, body === undefined ? { method: 'POST', signal } : { method: 'POST', body: JSON.stringify(body), signal }),
      ),
    { timeoutMs: options.timeoutMs ?? ACTION_TIMEOUT_MS },
  );
}

/** The SWR fetcher for action paths: `useSWR('/action/cart/getCart', actionFetcher)`. */
export function actionFetcher<T = unknown>(path: string): Promise<T> {
  return queuedAction<T>(path);
}
