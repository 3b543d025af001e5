import { PlatformTimeoutError, PlatformUnavailableError } from '../../errors.js';
import { CommercetoolsApiError } from './CommercetoolsApiError.js';

/** commercetools Frontend gives an extension's external calls 8 s. */
export const PLATFORM_TIMEOUT_MS = 8_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface SendOptions {
  readonly timeoutMs?: number;
  readonly fetch?: FetchLike;
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/**
 * One HTTP call to commercetools with a deadline. Resolves with the parsed JSON of a 2xx answer;
 * rejects with CommercetoolsApiError for an error answer, PlatformTimeoutError when the deadline
 * passes and PlatformUnavailableError when nothing answers. Errors never carry the request's
 * headers, so no token or secret can leak through them.
 */
export async function sendRequest(url: string, init: RequestInit, options: SendOptions = {}): Promise<JsonResponse> {
  const timeoutMs = options.timeoutMs ?? PLATFORM_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { ...init, signal });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw new PlatformTimeoutError(timeoutMs);
    throw new PlatformUnavailableError({ cause: describeCause(error) });
  }
  const body = parseJson(text);
  if (response.status < 200 || response.status >= 300) throw CommercetoolsApiError.fromBody(response.status, body);
  return { status: response.status, body, headers: response.headers };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: 'commercetools answered with something that is not JSON' };
  }
}

/** Keeps only the error's name and message: a fetch error may quote the request. */
function describeCause(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown network error';
}
