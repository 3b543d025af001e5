import type { ExtensionBundle, ExtensionRequest } from '../bundle/extension-types.js';
import type { HubState, RouteCall } from '../hub-state.js';
import { buildExtensionRequest, frontasticContextFor, localeOf } from '../http/extension-request.js';
import { HEADER, headerText } from '../http/header-names.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { sendError, sendJson } from '../http/respond.js';
import { redact } from '../log/logger.js';
import { findDynamicFolder, findStaticFolder } from '../pages/find-page-folder.js';
import { pageFolderOf, pageOf } from '../pages/page-response.js';
import { runDataSources } from '../pages/run-data-sources.js';
import type { StudioPageFolder } from '../pages/studio-data.js';
import { runExtension } from '../run/run-extension.js';
import { sessionCopy, type IncomingSession } from '../session/incoming-session.js';
import { sendExtensionFailure } from './extension-failure.js';
import { readRequestSession } from './read-session.js';

type PageOutcome =
  | { kind: 'page'; folder: StudioPageFolder; master: { payload: unknown } | undefined }
  | { kind: 'redirect'; body: Record<string, unknown> }
  | { kind: 'not-found'; message: string }
  | { kind: 'invalid'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dynamic page handler results, as the platform reads them. */
function outcomeOfDynamicResult(state: HubState, result: unknown, path: string): PageOutcome {
  if (result === null || result === undefined) return { kind: 'not-found', message: `No page for "${path}": no static page folder has this path and the dynamic page handler returned null.` };
  if (!isRecord(result)) return { kind: 'invalid', message: `The dynamic page handler returned ${typeof result}; return { dynamicPageType, dataSourcePayload }, { redirectLocation } or null.` };
  if (typeof result['redirectLocation'] === 'string') {
    // RedirectResponse of the frontend-sdk: answered with 200 so the SDK hands it to the page renderer.
    const statusCode = typeof result['statusCode'] === 'number' ? result['statusCode'] : 301;
    return { kind: 'redirect', body: { statusCode, reason: 'dynamic page redirect', targetType: 'link', target: result['redirectLocation'] } };
  }
  if (typeof result['dynamicPageType'] === 'string') {
    const folder = findDynamicFolder(state.studio.current(), result['dynamicPageType']);
    if (folder === undefined) {
      return { kind: 'not-found', message: `The dynamic page handler matched "${result['dynamicPageType']}" but no page folder in the Studio pages has that dynamicPageType; add one.` };
    }
    return { kind: 'page', folder, master: { payload: result['dataSourcePayload'] } };
  }
  return { kind: 'invalid', message: 'The dynamic page handler result has neither dynamicPageType nor redirectLocation.' };
}

async function resolvePage(state: HubState, bundle: ExtensionBundle, path: string, requestFor: () => ExtensionRequest, call: RouteCall): Promise<PageOutcome> {
  const folder = findStaticFolder(state.studio.current(), path);
  if (folder !== undefined) return { kind: 'page', folder, master: undefined };
  const handler = bundle.dynamicPageHandler;
  if (handler === undefined) return { kind: 'not-found', message: `No page for "${path}": no static page folder has this path and the bundle has no dynamic page handler.` };
  const frontasticContext = frontasticContextFor(call.req, state.options);
  const result = await runExtension(state, 'dynamic page handler', call.requestId, () => handler(requestFor(), { frontasticContext, request: requestFor() }));
  return outcomeOfDynamicResult(state, result, path);
}

async function answerPage(state: HubState, call: RouteCall, path: string, incoming: IncomingSession): Promise<void> {
  const bundle = state.bundles.current;
  const query = parseQuery(call.search);
  const locale = localeOf(call.req, state.options);
  // The dynamic page handler reads path and locale from the query too (B2C templates do), so both are set.
  const requestFor = (): ExtensionRequest =>
    buildExtensionRequest(call.req, { path, query: { ...query, path, locale }, body: undefined, sessionData: sessionCopy(incoming), frontasticRequestId: call.requestId });
  const outcome = await resolvePage(state, bundle, path, requestFor, call);
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
      const { folder, master } = outcome;
      const run = await runDataSources(bundle, folder, frontasticContextFor(call.req, state.options), requestFor, (what, invoke) => runExtension(state, what, call.requestId, invoke));
      if (run.failures.length > 0) {
        const problem = redact(run.failures.join('; '));
        call.res.setHeader(HEADER.extensionError, headerText(problem));
        state.logger.log('warn', 'data sources failed; the page is served without them', { path, problem, requestId: call.requestId });
      }
      const dataSources = master === undefined ? run.payloads : { __master: master.payload, ...run.payloads };
      sendJson(call.res, 200, { page: pageOf(folder), pageFolder: pageFolderOf(folder), data: { dataSources } });
    }
  }
}

/** `POST /frontastic/page` with the path in `Frontastic-Path`; page responses never carry `Frontastic-Session`. */
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
  const incoming = readRequestSession(state, call);
  // The dynamic page handler and each data source have their own time limit: a slow data source
  // leaves the page without its payload instead of failing the whole page.
  try {
    await answerPage(state, call, path, incoming);
  } catch (error) {
    if (!call.res.headersSent) sendExtensionFailure(state, call, `page ${path}`, error);
  }
}
