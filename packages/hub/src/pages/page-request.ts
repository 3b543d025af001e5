import type { ExtensionRequest } from '../bundle/extension-types.js';
import type { RouteCall } from '../hub-state.js';
import { buildExtensionRequest } from '../http/extension-request.js';
import { sessionCopy, type IncomingSession } from '../session/incoming-session.js';

/**
 * The request the dynamic page handler and a page's data sources get, a fresh one per call: the page path,
 * and `path` and `locale` in the query too (B2C templates read them from there).
 */
export function pageRequestFor(call: RouteCall, page: { path: string; locale: string; query: Record<string, unknown> }, incoming: IncomingSession): () => ExtensionRequest {
  return () =>
    buildExtensionRequest(call.req, {
      path: page.path,
      query: { ...page.query, path: page.path, locale: page.locale },
      body: undefined,
      sessionData: sessionCopy(incoming),
      frontasticRequestId: call.requestId,
    });
}
