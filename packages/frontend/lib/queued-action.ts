import { actionQueue } from '../helpers/Queue';
import { fetchApiHub } from './fetch-api-hub';

/**
 * Runs an action through the `actionQueue`, with the queue item's AbortSignal passed to fetch.
 *
 * Every action answer carries the session, reads included (the hub re-issues the incoming one), so
 * a read that was sent before a write and answers after it would put the old session back. That is
 * why reads go through the queue too, not only writes.
 */
export function queuedAction<T = unknown>(path: string, body?: unknown): Promise<T> {
  return actionQueue.add((signal) =>
    fetchApiHub<T>(path, body === undefined ? { method: 'POST', signal } : { method: 'POST', body: JSON.stringify(body), signal }),
  );
}

/** The SWR fetcher for action paths: `useSWR('/action/cart/getCart', actionFetcher)`. */
export function actionFetcher<T = unknown>(path: string): Promise<T> {
  return queuedAction<T>(path);
}
