import type { ActionQueue } from './action-queue';
import { createBrowserQueue } from './browser-queue';
import { cookieValues, SESSION_COOKIE } from './cookie-settled';
import { SessionEndedError, type SessionEndReason } from './session-ended-error';

/** A little over the platform's 10 s action limit: an answer that has not come by then never will. */
export const DEFAULT_ACTION_TIMEOUT_MS = 12_000;

/** What `callAction` of a @commercetools/frontend-sdk 2.x SDK takes, as far as the wrapper reads it. */
export interface SdkCallOptions {
  actionName: string;
  payload?: unknown;
  query?: unknown;
  parallel?: boolean;
  customHeaderValue?: string;
  serverOptions?: unknown;
}

/** What it answers: the SDK never rejects, it resolves `{ isError: true, error }`. */
export interface SdkCallResult {
  isError: boolean;
  error?: unknown;
  tracing?: unknown;
}

/** The part of a frontend-sdk 2.x `SDK` instance the wrapper uses; any 2.x instance has it. */
export interface QueueableSdk {
  callAction(options: SdkCallOptions): Promise<SdkCallResult>;
  /** Since 2.1; older versions get the cookies deleted by hand. */
  invalidateSession?(options?: { waitForPending?: boolean }): Promise<void>;
}

export interface QueueCallActionOptions {
  /** The queue to run in; default a new browser-wide one ({@link createBrowserQueue}). */
  queue?: ActionQueue;
  /** Per action, counted from its turn; default {@link DEFAULT_ACTION_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Error codes that mean the sign-in could not be renewed; default `['SESSION_EXPIRED']`. */
  expiredCodes?: readonly string[];
  /** Told when a session ended (an expired sign-in); the waiting actions were rejected already. */
  onSessionEnded?: (reason: SessionEndReason) => void;
  /** Where the cookies are; default `document`. */
  document?: { cookie: string };
}

// Every token the API hub issues is a compact JWS; anything else in the cookie is not a session.
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function sessionCookieOf(doc: { cookie: string } | undefined): string | undefined {
  // The SDK reads the last value of a name, as document.cookie lists them.
  return doc === undefined ? undefined : cookieValues(doc.cookie, SESSION_COOKIE).at(-1);
}

function expire(doc: { cookie: string }, name: string): void {
  doc.cookie = `${name}=; Max-Age=-1; Path=/; Secure`;
}

/** `{ error: { code } }` (an extension's answer) or `{ code }` (the hub's), as the SDK hands them on. */
function codeOf(error: unknown): string | undefined {
  const outer = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
  const nested = outer?.['error'];
  const inner = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : outer;
  return typeof inner?.['code'] === 'string' ? inner['code'] : undefined;
}

/**
 * Makes every browser-side `sdk.callAction` of a frontend-sdk 2.x instance (the SDK's own extensions, such as a
 * launchpad's `sdk.composableCommerce.*`, call it too) run one at a time, browser-wide, in `queue`. Returns a
 * function that puts the original back. Around each call:
 * - a call with `serverOptions` (server-side rendering) is not queued: the queue orders one browser's actions;
 * - an action queued with a session whose cookie is gone at its turn (a logout, here or in another tab) is not
 *   sent: it answers `{ isError: true, error: SessionEndedError('logout') }`;
 * - a `frontastic-session` cookie that is not a token is deleted first (the SDK would throw `URIError` on a bad
 *   `%` escape before sending anything, on every call);
 * - an answer with an expired code deletes the session (the SDK stores sessions from 2xx answers only, so it
 *   would send the dead one again on every call) and rejects the actions still waiting with
 *   `SessionEndedError('expired')`.
 * As the SDK itself, the wrapped `callAction` never rejects: a queue error (timeout, cleared, session ended)
 * comes back as `{ isError: true, error }`.
 */
export function queueCallAction(sdk: QueueableSdk, options: QueueCallActionOptions = {}): () => void {
  const original = sdk.callAction;
  const queue = options.queue ?? createBrowserQueue();
  const expiredCodes = new Set(options.expiredCodes ?? ['SESSION_EXPIRED']);
  const cookies = (): { cookie: string } | undefined => options.document ?? (globalThis as { document?: { cookie: string } }).document;

  const endSession = async (): Promise<void> => {
    const doc = cookies();
    if (sdk.invalidateSession) await sdk.invalidateSession({ waitForPending: false });
    else if (doc) for (const name of [SESSION_COOKIE, '__rememberMe']) expire(doc, name);
    queue.clear(new SessionEndedError('expired'));
    options.onSessionEnded?.('expired');
  };

  const queued = (call: SdkCallOptions): Promise<SdkCallResult> => {
    if (call.serverOptions !== undefined) return original.call(sdk, call);
    const queuedWithSession = TOKEN.test(sessionCookieOf(cookies()) ?? '');
    return queue
      .add(
        async () => {
          const doc = cookies();
          const cookie = sessionCookieOf(doc);
          if (queuedWithSession && !TOKEN.test(cookie ?? '')) throw new SessionEndedError('logout');
          if (doc !== undefined && cookie !== undefined && !TOKEN.test(cookie)) expire(doc, SESSION_COOKIE);
          const result = await original.call(sdk, { ...call, parallel: true });
          if (result.isError && expiredCodes.has(codeOf(result.error) ?? '')) await endSession();
          return result;
        },
        { timeoutMs: options.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS },
      )
      .catch((error: unknown): SdkCallResult => ({ isError: true, error, tracing: { frontendRequestId: '' } }));
  };
  sdk.callAction = queued;
  return () => {
    if (sdk.callAction === queued) sdk.callAction = original;
  };
}
