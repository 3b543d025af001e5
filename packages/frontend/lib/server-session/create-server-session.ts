import { FetchApiHubError } from '../fetch-api-hub-error';
import { ACTION_TIMEOUT_MS, answerBody, sendToHub, storableToken, type HubAnswer } from '../hub-call';
import { SESSION_COOKIE } from '../session-cookie';
import { SessionWriteInServerComponentError, writeLostMessage } from './errors';
import {
  COOKIE_LIMIT_BYTES,
  deleteCookie,
  deleteSessionCookies,
  requestSession,
  sessionCookieBytes,
  writeSessionCookie,
  type ServerCookies,
} from './server-cookies';
import { SessionLineage, type NextToken, type SessionStep } from './session-lineage';

/** One action, named as the frontend-sdk names it: `cart/addToCart`. */
export interface ActionCall {
  actionName: string;
  /** Sent as the JSON body (POST). */
  payload?: unknown;
  query?: Readonly<Record<string, string | number | boolean>>;
}

export interface ServerSessionOptions {
  /** The API hub's origin, or a function that reads it per call (so one build runs against any hub). */
  endpoint: string | (() => string);
  /**
   * The declared kind of every action: true for one that only reads the session. The hub's answer cannot
   * tell (the platform re-issues every session with a new nonce), so this decides what a Server Component
   * may call. Everything not declared a read is a write.
   */
  isSessionRead: (actionName: string) => boolean;
  /** As the SDK sends them. Defaults `en_US`, `EUR`. */
  locale?: string;
  currency?: string;
  /** The request's cookies. Default: `cookies()` from next/headers. */
  cookies?: () => ServerCookies | Promise<ServerCookies>;
  /** `development` throws {@link SessionWriteInServerComponentError}, `production` logs a warning. Default from NODE_ENV. */
  mode?: 'development' | 'production';
  /** Where the production warning goes. Default `console.warn`. */
  warn?: (message: string) => void;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** A call the hub has not answered by then fails with `HUB_TIMEOUT` and frees its session. Default 12 s. */
  timeoutMs?: number;
  /** The writes this process made, per session. Default: one for this server session helper. */
  lineage?: SessionLineage;
  now?: () => number;
}

export interface ServerSession {
  /**
   * For Server Actions and Route Handlers: calls the action with the request's session and stores the
   * session it answers with in the `frontastic-session` cookie, in the frontend-sdk's format. Calls for one
   * session run one at a time in this process. Rejects with a `FetchApiHubError` (the extension's or the
   * hub's code), `SessionEndedError` (the session was ended by an earlier call) or, when it ran while a
   * Server Component rendered after all, `SessionWriteInServerComponentError` (development).
   */
  callAction<T = unknown>(call: ActionCall): Promise<T>;
  /**
   * For Server Components: calls an action that only reads the session, and stores nothing. An action
   * declared a write is refused before it is sent (`SessionWriteInServerComponentError`) in development;
   * in production it is sent, its session is dropped, and a warning names it.
   */
  readAction<T = unknown>(call: ActionCall): Promise<T>;
  /** `callAction` for the logout action, then the cookies go as with the SDK's `invalidateSession()`. */
  logout<T = unknown>(call: ActionCall): Promise<T>;
  /** The session token a Server Component should read with (the newest this process wrote for the cookie's session), or undefined. */
  sessionToken(): Promise<string | undefined>;
}

async function nextCookies(): Promise<ServerCookies> {
  // Loaded when first needed, so this module also runs outside Next.js (tests, other tools) with `cookies` given.
  const { cookies } = await import('next/headers');
  return cookies();
}

function pathOf(call: ActionCall): string {
  const query = new URLSearchParams(Object.entries(call.query ?? {}).map(([key, value]) => [key, String(value)])).toString();
  return `/action/${call.actionName}${query === '' ? '' : `?${query}`}`;
}

function codeOf(refusal: string): string {
  return refusal.startsWith('too-large') ? 'SESSION_TOO_LARGE' : 'SESSION_REFUSED';
}

/** Creates the server side of the session for one app; keep one per process (it holds the per-session order). */
export function createServerSession(options: ServerSessionOptions): ServerSession {
  const lineage = options.lineage ?? new SessionLineage();
  const now = options.now ?? Date.now;
  const mode = options.mode ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development');
  const warn = options.warn ?? ((message: string) => console.warn(`[server-session] ${message}`));
  const timeoutMs = options.timeoutMs ?? ACTION_TIMEOUT_MS;
  const readCookies = options.cookies ?? nextCookies;

  const send = async (call: ActionCall, token: string | undefined): Promise<HubAnswer> => {
    const path = pathOf(call);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await sendToHub({
        endpoint: (typeof options.endpoint === 'function' ? options.endpoint() : options.endpoint).replace(/\/+$/, ''),
        path,
        locale: options.locale ?? 'en_US',
        currency: options.currency ?? 'EUR',
        token,
        init: { method: 'POST', signal, ...(call.payload === undefined ? {} : { body: JSON.stringify(call.payload) }) },
        fetch: options.fetch ?? fetch,
      });
    } catch (error) {
      if (!signal.aborted) throw error;
      throw new FetchApiHubError({
        code: 'HUB_TIMEOUT',
        message: `The API hub did not answer ${call.actionName} within ${timeoutMs / 1000} s; try again in a moment.`,
        status: 0,
        path,
        cause: error,
      });
    }
  };

  /** A cookie write that cannot happen here (a Server Component) is the named error in development and a warning in production. */
  const trySet = (call: ActionCall, write: () => void): boolean => {
    try {
      write();
      return true;
    } catch (error) {
      if (options.isSessionRead(call.actionName)) return false;
      if (mode === 'development') throw new SessionWriteInServerComponentError(call.actionName, { cause: error });
      warn(writeLostMessage(call.actionName));
      return false;
    }
  };

  const run = async <T>(call: ActionCall, ending: boolean): Promise<T> => {
    const cookies = await readCookies();
    const { token, malformed } = requestSession(cookies);
    // Never sent and never kept: the answer's token would overwrite it, but a failing action would leave it.
    if (malformed) trySet(call, () => deleteCookie(cookies, SESSION_COOKIE));
    return lineage.serialise(token, async (current): Promise<SessionStep<T>> => {
      const answer = await send(call, current);
      const path = pathOf(call);
      let next: NextToken;
      let refusal: FetchApiHubError | undefined;
      const issued = storableToken(answer, path);
      if (issued !== undefined) {
        const bytes = sessionCookieBytes(issued);
        if (bytes > COOKIE_LIMIT_BYTES) {
          // The browser would drop it without a word and keep the previous session: say so instead.
          refusal = new FetchApiHubError({
            code: 'SESSION_TOO_LARGE',
            message: `${call.actionName} answered with a session that needs a ${bytes}-byte cookie, over the browser's ${COOKIE_LIMIT_BYTES}; it was not stored and the previous session is kept.`,
            status: answer.status,
            path,
          });
        } else if (trySet(call, () => writeSessionCookie(cookies, issued, now()))) {
          next = issued;
        }
      }
      if (ending && answer.ok && trySet(call, () => deleteSessionCookies(cookies))) next = null;
      if (refusal === undefined && answer.ok && answer.refused !== null) {
        refusal = new FetchApiHubError({
          code: codeOf(answer.refused),
          message: `The API hub refused the session ${call.actionName} wrote (${answer.refused}); the previous session is kept.`,
          status: answer.status,
          path,
        });
      }
      try {
        const value = answerBody<T>(answer, path);
        return refusal === undefined ? { next, outcome: { ok: true, value } } : { next, outcome: { ok: false, error: refusal } };
      } catch (error) {
        return { next, outcome: { ok: false, error } };
      }
    });
  };

  const sessionToken = async (): Promise<string | undefined> => lineage.latest(requestSession(await readCookies()).token) ?? undefined;

  const readAction = async <T>(call: ActionCall): Promise<T> => {
    if (!options.isSessionRead(call.actionName)) {
      if (mode === 'development') throw new SessionWriteInServerComponentError(call.actionName);
      warn(writeLostMessage(call.actionName));
    }
    const answer = await send(call, await sessionToken());
    return answerBody<T>(answer, pathOf(call));
  };

  return {
    callAction: (call) => run(call, false),
    logout: (call) => run(call, true),
    readAction,
    sessionToken,
  };
}
