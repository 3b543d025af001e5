import type { IncomingHttpHeaders } from 'node:http';

export interface PlatformRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/demo/me/carts`. */
  readonly path: string;
  /** The raw query string without `?` (forwarded to the mock verbatim). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

export interface PlatformResponse {
  readonly status: number;
  /** A string is sent as is (with contentType); anything else is sent as JSON. */
  readonly body?: unknown;
  readonly contentType?: string;
}

export type Params = Readonly<Record<string, string>>;

export type Handler<Ctx> = (request: PlatformRequest, params: Params, context: Ctx) => Promise<PlatformResponse>;

export const json = (status: number, body: unknown): PlatformResponse => ({ status, body });
