import { errorFromBody, FetchApiHubError } from './fetch-api-hub-error';
import { readSessionToken, writeSessionToken, type CookieDocument } from './session-cookie';

export { FetchApiHubError } from './fetch-api-hub-error';

export interface FetchApiHubConfig {
  /** Origin of the API hub, e.g. `http://127.0.0.1:8080` (the SDK's `endpoint`). */
  endpoint: string;
  /** As the SDK sends it: `en_US`. */
  locale?: string;
  currency?: string;
  /** Default: `document` in the browser. */
  cookies?: CookieDocument;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

interface ResolvedConfig {
  endpoint: string;
  locale: string;
  currency: string;
  cookies: CookieDocument | undefined;
  fetch: typeof fetch | undefined;
}

let config: ResolvedConfig | undefined;

/** Called once by the app's provider with the hub URL the server was started with. */
export function configureFetchApiHub(options: FetchApiHubConfig): void {
  config = {
    endpoint: options.endpoint.replace(/\/+$/, ''),
    locale: options.locale ?? 'en_US',
    currency: options.currency ?? 'EUR',
    cookies: options.cookies,
    fetch: options.fetch,
  };
}

function browserDocument(): CookieDocument | undefined {
  return typeof document === 'undefined' ? undefined : document;
}

/** Where the session cookie lives for fetchApiHub: the configured jar, else `document` in a browser. */
export function sessionCookies(): CookieDocument | undefined {
  return config?.cookies ?? browserDocument();
}

/**
 * The extensions' code for a sign-in that could not be renewed. Its 401 answer carries the session with
 * the customer signed out: the one non-2xx answer whose session is stored, or every later action would
 * send the dead session again and fail the same way.
 */
export const SESSION_EXPIRED = 'SESSION_EXPIRED';

/**
 * Calls an API hub path (`/action/<namespace>/<action>[?query]`) and resolves to the parsed JSON.
 * The session travels exactly as with `@commercetools/frontend-sdk`: the `frontastic-session` cookie
 * goes out as the `Frontastic-Session` header, and a 2xx answer carrying that header replaces the
 * cookie, and so does a `SESSION_EXPIRED` answer (the signed-out session it carries). Anything else
 * rejects with a {@link FetchApiHubError}; an abort rejects with the signal's reason.
 */
export async function fetchApiHub<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  if (config === undefined) {
    throw new FetchApiHubError({
      code: 'NOT_CONFIGURED',
      message: 'fetchApiHub was called before configureFetchApiHub({ endpoint }); render it inside <HubProvider>.',
      status: 0,
      path,
    });
  }
  const { endpoint, locale, currency } = config;
  const cookies = sessionCookies();
  const doFetch = config.fetch ?? fetch;
  const token = cookies === undefined ? undefined : readSessionToken(cookies);

  const headers = new Headers(init.headers);
  for (const [name, value] of [
    ['Content-Type', 'application/json'],
    ['Accept', 'application/json'],
    ['Frontastic-Locale', locale],
    ['Frontastic-Currency', currency],
  ] as const) {
    if (!headers.has(name)) headers.set(name, value);
  }
  if (token !== undefined) headers.set('Frontastic-Session', token);

  const url = `${endpoint}/frontastic${path.startsWith('/') ? path : `/${path}`}`;
  let response: Response;
  try {
    response = await doFetch(url, { ...init, headers });
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason;
    throw new FetchApiHubError({
      code: 'NETWORK_ERROR',
      message: `Could not reach the API hub at ${endpoint}; check that it is running.`,
      status: 0,
      path,
      cause: error,
    });
  }

  const newToken = response.headers.get('Frontastic-Session');
  if (response.ok && newToken !== null && cookies !== undefined) writeSessionToken(cookies, newToken);

  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch (error) {
    if (!response.ok) throw errorFromBody(undefined, response.status, path);
    throw new FetchApiHubError({
      code: 'INVALID_RESPONSE',
      message: `The API hub answered ${path} with something that is not JSON.`,
      status: response.status,
      path,
      cause: error,
    });
  }
  if (!response.ok) {
    const error = errorFromBody(body, response.status, path);
    if (error.code === SESSION_EXPIRED && newToken !== null && cookies !== undefined) writeSessionToken(cookies, newToken);
    throw error;
  }
  return body as T;
}
