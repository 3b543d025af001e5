import type { IncomingMessage } from 'node:http';
import type { ExtensionRequest, FrontasticContext, HeaderValues } from '../bundle/extension-types.js';
import type { ResolvedHubOptions } from '../options.js';

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

/** `Frontastic-Locale` as the SDK sends it (`en_US`, or `en_US@EUR` with currency), else the project's default. */
export function localeOf(req: IncomingMessage, options: ResolvedHubOptions): string {
  const header = req.headers['frontastic-locale'];
  const locale = Array.isArray(header) ? header[0] : header;
  return locale !== undefined && locale !== '' ? locale : options.context.project.defaultLocale;
}

export function frontasticContextFor(req: IncomingMessage, options: ResolvedHubOptions): FrontasticContext {
  return { ...options.context, locale: localeOf(req, options) };
}
