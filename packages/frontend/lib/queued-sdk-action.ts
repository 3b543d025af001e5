import type { SDK } from '@commercetools/frontend-sdk';
import { actionQueue } from '../helpers/Queue';
import { errorFromBody, type FetchApiHubError } from './fetch-api-hub-error';
import { SESSION_EXPIRED, sessionCookies } from './fetch-api-hub';
import { ACTION_TIMEOUT_MS, type QueuedActionOptions } from './queued-action';
import { hasSession, runSessionAction } from './session-action';
import { deleteSessionCookies, discardMalformedSessionCookie } from './session-cookie';

type CallActionOptions = Parameters<SDK<Record<string, never>>['callAction']>[0];

export interface SdkAction {
  actionName: string;
  payload?: CallActionOptions['payload'];
  query?: CallActionOptions['query'];
}

/**
 * Runs a frontend-sdk `callAction` in its turn of the actionQueue, with the same session rules as
 * `queuedAction`, and resolves to its data or rejects with a {@link FetchApiHubError} (status 0: the SDK
 * does not expose it). The SDK 2.1 takes no AbortSignal, so an abort or a timeout only stops waiting.
 *
 * Two things the SDK cannot do by itself are done around the call:
 * - a session cookie that is not a token is deleted first (the SDK would throw `URIError` on a bad `%`
 *   escape before sending anything, on every call);
 * - a `SESSION_EXPIRED` answer deletes the cookie: the SDK stores a session only from 2xx answers, so it
 *   drops the signed-out session the answer carries and would send the dead one again on every call.
 *   The next action starts a new guest session (the non-customer keys the extension kept are lost this
 *   way; fetchApiHub keeps them).
 */
export function queuedSdkAction<T = unknown>(sdk: SDK<Record<string, never>>, action: SdkAction, options: QueuedActionOptions = {}): Promise<T> {
  const path = `/action/${action.actionName}`;
  const queuedWithSession = hasSession();
  return actionQueue.add(
    () =>
      runSessionAction(path, queuedWithSession, async () => {
        const cookies = sessionCookies();
        if (cookies !== undefined) discardMalformedSessionCookie(cookies);
        const result = await sdk.callAction<T>({ actionName: action.actionName, payload: action.payload, query: action.query, parallel: true });
        if (!result.isError) return result.data;
        const error: FetchApiHubError = errorFromBody(result.error, 0, path);
        if (error.code === SESSION_EXPIRED && cookies !== undefined) deleteSessionCookies(cookies);
        throw error;
      }),
    { timeoutMs: options.timeoutMs ?? ACTION_TIMEOUT_MS },
  );
}
