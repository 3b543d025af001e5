import { SDK } from '@commercetools/frontend-sdk';
import { parsePageResponse, isRedirect } from '../renderer/parse-page-response';
import type { PageResponseData, RedirectData } from '../renderer/page-types';
import { SESSION_COOKIE } from './session-cookie';

export type PageResult =
  | { kind: 'page'; page: PageResponseData }
  | { kind: 'redirect'; redirect: RedirectData }
  | { kind: 'not-found' };

/** The hub failed to answer a page (not a 404). */
export class PageLoadError extends Error {
  override readonly name = 'PageLoadError';
  constructor(
    readonly code: string,
    path: string,
  ) {
    super(`The API hub could not serve the page ${path} (${code}); check that the hub is running and its log.`);
  }
}

const sdks = new Map<string, SDK<Record<string, never>>>();

function sdkFor(endpoint: string): SDK<Record<string, never>> {
  let sdk = sdks.get(endpoint);
  if (sdk === undefined) {
    sdk = new SDK();
    sdk.configure({ endpoint, locale: 'en_US', currency: 'EUR', extensionVersion: 'local' });
    sdks.set(endpoint, sdk);
  }
  return sdk;
}

/**
 * Asks the hub for a page with the real frontend-sdk, forwarding the shopper's session cookie. Only
 * `req.cookies` is handed over, no `res`: a page request must never write the cookie.
 */
export async function getPage(options: {
  endpoint: string;
  path: string;
  query: Record<string, string | string[]>;
  sessionToken: string | undefined;
}): Promise<PageResult> {
  const cookies: Record<string, string> = options.sessionToken === undefined ? {} : { [SESSION_COOKIE]: options.sessionToken };
  const serverOptions = { req: { cookies } } as unknown as NonNullable<Parameters<SDK<Record<string, never>>['page']['getPage']>[0]['serverOptions']>;
  const response = await sdkFor(options.endpoint).page.getPage({ path: options.path, query: options.query, serverOptions });
  if (response.isError) {
    const code = (response.error as { code?: unknown }).code;
    if (code === 'PAGE_NOT_FOUND') return { kind: 'not-found' };
    throw new PageLoadError(typeof code === 'string' ? code : 'UNKNOWN', options.path);
  }
  if (isRedirect(response.data)) return { kind: 'redirect', redirect: response.data };
  return { kind: 'page', page: parsePageResponse(response.data) };
}
