import { errorFromBody, FetchApiHubError } from './fetch-api-hub-error';

/**
 * One call of an API hub path, with no idea where the session cookie lives: the browser's `fetchApiHub`
 * and the server's `createServerSession` both build on it and decide themselves what to store.
 */
export interface HubCall {
  /** Origin of the API hub, e.g. `http://127.0.0.1:8080`, without a trailing slash. */
  endpoint: string;
  /** The hub path after `/frontastic`: `/action/<namespace>/<action>[?query]`. */
  path: string;
  locale: string;
  currency: string;
  /** The session token to send as `Frontastic-Session`; undefined sends none. */
  token: string | undefined;
  init: RequestInit;
  fetch: typeof fetch;
}

export interface HubAnswer {
  status: number;
  ok: boolean;
  /** The `Frontastic-Session` the hub answered with, or null. */
  token: string | null;
  /** Our hub's `X-Session-Refused`: the action's session write was refused and the previous session kept. */
  refused: string | null;
  text: string;
}

/**
 * A little over the platform's 10 s action limit: an answer that has not come by then never will,
 * and a hung request must not hold every later action of the shopper.
 */
export const ACTION_TIMEOUT_MS = 12_000;

/**
 * The extensions' code for a sign-in that could not be renewed. Its 401 answer carries the session with
 * the customer signed out: the one non-2xx answer whose session is stored, or every later action would
 * send the dead session again and fail the same way.
 */
export const SESSION_EXPIRED = 'SESSION_EXPIRED';

/** Sends the call with the headers the frontend-sdk sends; rejects only when no answer came (NETWORK_ERROR, or the signal's reason). */
export async function sendToHub(call: HubCall): Promise<HubAnswer> {
  const headers = new Headers(call.init.headers);
  for (const [name, value] of [
    ['Content-Type', 'application/json'],
    ['Accept', 'application/json'],
    ['Frontastic-Locale', call.locale],
    ['Frontastic-Currency', call.currency],
  ] as const) {
    if (!headers.has(name)) headers.set(name, value);
  }
  if (call.token !== undefined) headers.set('Frontastic-Session', call.token);

  const url = `${call.endpoint}/frontastic${call.path.startsWith('/') ? call.path : `/${call.path}`}`;
  // Called unbound: the browser's fetch throws "Illegal invocation" when called as a method of another object.
  const send = call.fetch;
  let response: Response;
  try {
    response = await send(url, { ...call.init, headers });
  } catch (error) {
    if (call.init.signal?.aborted) throw call.init.signal.reason;
    throw new FetchApiHubError({
      code: 'NETWORK_ERROR',
      message: `Could not reach the API hub at ${call.endpoint}; check that it is running.`,
      status: 0,
      path: call.path,
      cause: error,
    });
  }
  return {
    status: response.status,
    ok: response.ok,
    token: response.headers.get('Frontastic-Session'),
    refused: response.headers.get('X-Session-Refused'),
    text: await response.text(),
  };
}

/** The answer's JSON (`null` for an empty body), or the {@link FetchApiHubError} it stands for. */
export function answerBody<T>(answer: HubAnswer, path: string): T {
  let body: unknown;
  try {
    body = answer.text === '' ? null : JSON.parse(answer.text);
  } catch (error) {
    if (!answer.ok) throw errorFromBody(undefined, answer.status, path);
    throw new FetchApiHubError({
      code: 'INVALID_RESPONSE',
      message: `The API hub answered ${path} with something that is not JSON.`,
      status: answer.status,
      path,
      cause: error,
    });
  }
  if (!answer.ok) throw errorFromBody(body, answer.status, path);
  return body as T;
}

/** Whether the answer's session is the one to keep: a 2xx carrying one, or the signed-out session of `SESSION_EXPIRED`. */
export function storableToken(answer: HubAnswer, path: string): string | undefined {
  if (answer.token === null) return undefined;
  if (answer.ok) return answer.token;
  try {
    answerBody(answer, path);
  } catch (error) {
    if (error instanceof FetchApiHubError && error.code === SESSION_EXPIRED) return answer.token;
  }
  return undefined;
}
