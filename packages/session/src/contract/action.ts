import type { SessionData } from '../session-data.js';
import type { FrontasticContext } from './frontastic-context.js';

/** The platform sends header values as arrays of strings; other hubs send strings. */
export type HeaderValue = string | string[];

export type QueryValue = string | string[] | undefined;

/**
 * What an action, data source or dynamic page handler receives as `request`.
 * `sessionData` is typed `unknown` on purpose: it is whatever the incoming token held, and only
 * `CtpSession` / `readSession` turn it into a checked `SessionData`.
 */
export interface ActionRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, QueryValue>>;
  /** The raw request body (JSON text for actions called by the frontend-sdk). */
  body?: string;
  /** Lower-case names. The platform sends `[]` when there are none. */
  headers?: Readonly<Record<string, HeaderValue | undefined>> | readonly [];
  sessionData?: unknown;
  clientIp?: string;
  hostname?: string;
  frontasticRequestId?: string;
}

/** What an action returns. `sessionData`: a complete session replaces the stored one; `null` clears it; absent keeps it. */
export interface ActionResponse {
  statusCode: number;
  body?: string;
  sessionData?: SessionData | null;
}

export interface ActionContext {
  frontasticContext?: FrontasticContext;
}

/** An action as the extension registry holds it. */
export type ActionHandler = (request: ActionRequest, actionContext: ActionContext) => Promise<ActionResponse> | ActionResponse;
