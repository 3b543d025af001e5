import { FetchApiHubError } from './fetch-api-hub-error';
import { answerBody, sendToHub, storableToken } from './hub-call';
import { readSessionToken, writeSessionToken, type CookieDocument } from './session-cookie';

export { FetchApiHubError } from './fetch-api-hub-error';
export { SESSION_EXPIRED } from './hub-call';

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
  const token = cookies === undefined ? undefined : readSessionToken(cookies);
  const answer = await sendToHub({ endpoint, path, locale, currency, token, init, fetch: config.fetch ?? fetch });
  // Stored before the body is read, as the SDK does: a 2xx whose body is broken still carries the session.
  const newToken = storableToken(answer, path);
  if (newToken !== undefined && cookies !== undefined) writeSessionToken(cookies, newToken);
  return answerBody<T>(answer, path);
}
