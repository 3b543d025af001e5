import type { IncomingMessage } from 'node:http';
import type { ExtensionRequest, FrontasticContext, HeaderValues } from '../bundle/extension-types.js';
import type { ResolvedHubOptions } from '../options.js';
import { resolveLocale } from '../project/resolve-locale.js';

// Never shown to extension code: the session travels as `sessionData`, credentials stay in the hub.
function isHiddenHeader(name: string): boolean {
  return name === 'frontastic-session' || name === 'cookie' || name.includes('access-token');
}

/** Lower-case names with array values, as the platform passes them. */
export function extensionHeaders(req: IncomingMessage): HeaderValues {
  const headers: HeaderValues = {};
  const distinct = req.headersDistinct;
  for (const name of Object.keys(distinct)) {
    if (!isHiddenHeader(name)) headers[name] = distinct[name] ?? [];
  }
  return headers;
}

function firstForwardedFor(value: string | string[] | undefined): string | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  const first = header?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

export interface RequestParts {
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly body: string | undefined;
  readonly sessionData: Record<string, unknown>;
  readonly frontasticRequestId: string;
}

export function buildExtensionRequest(req: IncomingMessage, parts: RequestParts): ExtensionRequest {
  return {
    method: req.method ?? 'GET',
    path: parts.path,
    query: parts.query,
    body: parts.body,
    headers: extensionHeaders(req),
    sessionData: parts.sessionData,
    clientIp: firstForwardedFor(req.headers['x-forwarded-for']) ?? req.socket.remoteAddress,
    hostname: req.headers.host?.replace(/:\d+$/, ''),
    frontasticRequestId: parts.frontasticRequestId,
  };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === '' ? undefined : first;
}

function queryLocale(req: IncomingMessage): string | undefined {
  const mark = req.url?.indexOf('?') ?? -1;
  if (req.url === undefined || mark === -1) return undefined;
  return new URLSearchParams(req.url.slice(mark + 1)).get('locale') ?? undefined;
}

/** The `Frontastic-Locale` header (what the frontend-sdk sends: `en_US`, or `en_US@EUR` with currency). */
export function headerLocale(req: IncomingMessage): string | undefined {
  return firstValue(req.headers['frontastic-locale']);
}

/** The locale of the page API, which requires one: the header, else `?locale=` (the platform's order for pages). */
export function pageLocaleOf(req: IncomingMessage): string | undefined {
  return headerLocale(req) ?? queryLocale(req);
}

/** `frontasticContext.locale`: `?locale=`, else the header, matched against the project's locales (else its default). */
export function localeOf(req: IncomingMessage, options: ResolvedHubOptions): string {
  return resolveLocale(queryLocale(req) ?? headerLocale(req), options.context.project);
}

/** A fresh copy per call, as the platform builds one per request: what one call changes, the next never sees. */
export function frontasticContextFor(req: IncomingMessage, options: ResolvedHubOptions): FrontasticContext {
  return { ...(JSON.parse(JSON.stringify(options.context)) as Omit<FrontasticContext, 'locale'>), locale: localeOf(req, options) };
}
