import type { HubState, RouteCall } from '../hub-state.js';
import { frontasticContextFor, pageLocaleOf } from '../http/extension-request.js';
import { HEADER, headerText } from '../http/header-names.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { sendError, sendJson } from '../http/respond.js';
import { redact } from '../log/logger.js';
import { pageRequestFor } from '../pages/page-request.js';
import { pageFolderOf, pageOf } from '../pages/page-response.js';
import { resolvePage } from '../pages/resolve-page.js';
import { runDataSources } from '../pages/run-data-sources.js';
import { runExtension } from '../run/run-extension.js';
import type { IncomingSession } from '../session/incoming-session.js';
import { sendExtensionFailure } from './extension-failure.js';
import { readRequestSession } from './read-session.js';

async function answerPage(state: HubState, call: RouteCall, path: string, locale: string, incoming: IncomingSession): Promise<void> {
  const bundle = state.bundles.current;
  const requestFor = pageRequestFor(call, { path, locale, query: parseQuery(call.search) }, incoming);
  const frontasticContext = frontasticContextFor(call.req, state.options);
  const run = (what: string, invoke: () => unknown): Promise<unknown> => runExtension(state, what, call.requestId, invoke);
  const outcome = await resolvePage({ studio: state.studio.current(), bundle, path, frontasticContext, requestFor, runExtension: run });
  switch (outcome.kind) {
    case 'not-found':
      sendError(call.res, 404, 'PAGE_NOT_FOUND', outcome.message, call.requestId);
      return;
    case 'invalid':
      sendError(call.res, 500, 'DYNAMIC_PAGE_RESULT_INVALID', outcome.message, call.requestId);
      return;
    case 'redirect':
      sendJson(call.res, 200, outcome.body);
      return;
    case 'page': {
      const { rendered } = outcome;
      const data = await runDataSources({ bundle, rendered, frontasticContext, requestFor, runExtension: run });
      if (data.failures.length > 0) {
        const problem = redact(data.failures.join('; '));
        call.res.setHeader(HEADER.extensionError, headerText(problem));
        state.logger.log('warn', 'data sources failed; the page is served without them', { path, problem, requestId: call.requestId });
      }
      sendJson(call.res, 200, { page: pageOf(rendered.folder), pageFolder: pageFolderOf(rendered, frontasticContext.project.locales), data: { dataSources: data.payloads } });
    }
  }
}

/**
 * `POST /frontastic/page` with the path in `Frontastic-Path` and the locale in `Frontastic-Locale` (or
 * `?path=`, `?locale=`), as the platform requires them; page responses never carry `Frontastic-Session`.
 */
export async function pageRoute(state: HubState, call: RouteCall): Promise<void> {
  try {
    await readBody(call.req, state.options.bodyLimitBytes);
  } catch (error) {
    sendExtensionFailure(state, call, 'page', error);
    return;
  }
  const header = call.req.headers['frontastic-path'];
  const path = (Array.isArray(header) ? header[0] : header) ?? parseQuery(call.search)['path'];
  if (typeof path !== 'string' || path === '') {
    sendError(call.res, 400, 'PAGE_PATH_MISSING', 'Send the page path in the Frontastic-Path header (page.getPage({ path }) does).', call.requestId);
    return;
  }
  const locale = pageLocaleOf(call.req);
  const { locales } = state.options.context.project;
  if (locale === undefined) {
    sendError(call.res, 400, 'PAGE_LOCALE_MISSING', 'Send the locale in the Frontastic-Locale header (the frontend-sdk always does) or as ?locale=; the platform refuses a page request without one.', call.requestId);
    return;
  }
  // Exactly one of the project's locales, as the platform checks it for pages (actions fall back to the default instead).
  if (!locales.includes(locale)) {
    sendError(call.res, 400, 'PAGE_LOCALE_UNSUPPORTED', `Locale ${locale} is not one of the project's locales (${locales.join(', ')}); add it to the project file's locales or send one of them.`, call.requestId);
    return;
  }
  const incoming = readRequestSession(state, call);
  // The dynamic page handler and each data source have their own time limit: a slow data source
  // leaves the page without its payload instead of failing the whole page.
  try {
    await answerPage(state, call, path, locale, incoming);
  } catch (error) {
    if (!call.res.headersSent) sendExtensionFailure(state, call, `page ${path}`, error);
  }
}
