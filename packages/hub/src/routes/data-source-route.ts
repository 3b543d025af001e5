import type { ExtensionRequest } from '../bundle/extension-types.js';
import type { HubState, RouteCall } from '../hub-state.js';
import { buildExtensionRequest, frontasticContextFor, pageLocaleOf } from '../http/extension-request.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { sendError, sendJson } from '../http/respond.js';
import { findFolderById } from '../pages/find-page-folder.js';
import { pageRequestFor } from '../pages/page-request.js';
import { dataSourceConfigurationsOf, pageFolderOf, pageOf, tasticsUsing, type RenderedFolder } from '../pages/page-response.js';
import { resolvePage } from '../pages/resolve-page.js';
import { runExtension } from '../run/run-extension.js';
import { sessionCopy } from '../session/incoming-session.js';
import { sendExtensionFailure } from './extension-failure.js';
import { readRequestSession } from './read-session.js';

const BODY_FORMAT = '{ "configuration"?: { … }, "dataSourceId"?: "…", "name"?: "…", "pageFolderId"?: "…", "path"?: "/…", "isPreview"?: boolean }';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The page folder the platform's own data source route passes: a placeholder, not a folder of the project. */
const PLACEHOLDER_FOLDER = {
  pageFolderId: 'somePageFolderId',
  isDynamic: false,
  pageFolderType: 'landingpage',
  configuration: {},
  dataSourceConfigurations: [],
  name: 'somePageFolderId',
  ancestorIdsMaterializedPath: '/',
  depth: 0,
  sort: 0,
  breadcrumbs: [],
};
const PLACEHOLDER_PAGE = { pageId: 'somePageId', state: 'development', sections: {} };

/** PHP's boolval, as the platform reads `__isPreview`: everything but "" and "0" is true. */
function phpTrue(value: unknown): boolean {
  return typeof value === 'string' ? value !== '' && value !== '0' : value === true;
}

type Input = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function readInput(body: string | undefined, query: Record<string, unknown>): Input {
  if (body === undefined || body.trim() === '') {
    const { __isPreview: _preview, ...configuration } = query;
    return { ok: true, value: { configuration } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, message: `The body must be JSON: ${BODY_FORMAT}.` };
  }
  if (!isRecord(parsed)) return { ok: false, message: `The body must be an object: ${BODY_FORMAT}.` };
  for (const [key, check] of [
    ['configuration', isRecord],
    ['dataSourceId', (value: unknown) => typeof value === 'string' && value !== ''],
    ['name', (value: unknown) => typeof value === 'string'],
    ['pageFolderId', (value: unknown) => typeof value === 'string' && value !== ''],
    ['path', (value: unknown) => typeof value === 'string' && value.startsWith('/')],
    ['isPreview', (value: unknown) => typeof value === 'boolean'],
  ] as const) {
    if (parsed[key] !== undefined && !check(parsed[key])) return { ok: false, message: `"${key}" has the wrong type; the body is ${BODY_FORMAT}.` };
  }
  if (parsed['pageFolderId'] !== undefined && parsed['path'] !== undefined) return { ok: false, message: 'Give "pageFolderId" or "path", not both.' };
  return { ok: true, value: parsed };
}

/**
 * Development aid, as the platform's `/frontastic/data-source/{type}`: runs one data source and returns its
 * whole result. Without a page it gets the platform's placeholder page folder; with `"path"` it gets the page
 * folder that path renders (a dynamic page's `__master` preloaded by the dynamic page handler), with
 * `"pageFolderId"` that folder. `isPreview` is false unless `?__isPreview=1` or `"isPreview": true`.
 */
export async function dataSourceRoute(state: HubState, call: RouteCall, type: string): Promise<void> {
  const handler = state.bundles.current.dataSources[type];
  if (handler === undefined) {
    call.req.resume();
    sendError(call.res, 404, 'DATA_SOURCE_NOT_FOUND', `No data source "${type}" in the bundle; check 'data-sources' in its default export.`, call.requestId);
    return;
  }
  const what = `data source ${type}`;
  let body: string | undefined;
  try {
    body = await readBody(call.req, state.options.bodyLimitBytes);
  } catch (error) {
    sendExtensionFailure(state, call, what, error);
    return;
  }
  const query = parseQuery(call.search);
  const input = readInput(body, query);
  if (!input.ok) {
    sendError(call.res, 400, 'DATA_SOURCE_REQUEST_INVALID', input.message, call.requestId);
    return;
  }
  const incoming = readRequestSession(state, call);
  const requestFor = (): ExtensionRequest => buildExtensionRequest(call.req, { path: call.path, query, body, sessionData: sessionCopy(incoming), frontasticRequestId: call.requestId });
  const frontasticContext = frontasticContextFor(call.req, state.options);
  const run = (label: string, invoke: () => unknown): Promise<unknown> => runExtension(state, label, call.requestId, invoke);
  try {
    let rendered: RenderedFolder | undefined;
    if (typeof input.value['path'] === 'string') {
      const pagePath = input.value['path'];
      const pageRequest = pageRequestFor(call, { path: pagePath, locale: pageLocaleOf(call.req) ?? frontasticContext.project.defaultLocale, query: {} }, incoming);
      const outcome = await resolvePage({ studio: state.studio.current(), bundle: state.bundles.current, path: pagePath, frontasticContext, requestFor: pageRequest, runExtension: run });
      if (outcome.kind !== 'page') {
        sendError(call.res, 404, 'PAGE_NOT_FOUND', outcome.kind === 'redirect' ? `"${input.value['path']}" redirects to ${String(outcome.body['target'])}; give that path.` : outcome.message, call.requestId);
        return;
      }
      rendered = outcome.rendered;
    } else if (typeof input.value['pageFolderId'] === 'string') {
      const folder = findFolderById(state.studio.current(), input.value['pageFolderId']);
      if (folder === undefined) {
        sendError(call.res, 404, 'PAGE_FOLDER_NOT_FOUND', `No page folder "${input.value['pageFolderId']}" in the Studio pages.`, call.requestId);
        return;
      }
      rendered = { folder };
    }
    const dataSourceId = typeof input.value['dataSourceId'] === 'string' ? input.value['dataSourceId'] : 'preview';
    const listed = rendered === undefined ? undefined : dataSourceConfigurationsOf(rendered).find((entry) => entry.dataSourceId === dataSourceId);
    if (listed !== undefined && listed.type !== type) {
      sendError(call.res, 400, 'DATA_SOURCE_REQUEST_INVALID', `Data source "${dataSourceId}" of that page folder has type ${listed.type}, not ${type}.`, call.requestId);
      return;
    }
    const configuration = {
      dataSourceId,
      type,
      name: typeof input.value['name'] === 'string' ? input.value['name'] : (listed?.name ?? dataSourceId),
      configuration: isRecord(input.value['configuration']) ? input.value['configuration'] : (listed?.configuration ?? {}),
      preloadedValue: listed?.preloadedValue ?? null,
    };
    const isPreview = input.value['isPreview'] === true || phpTrue(query['__isPreview']);
    const context = {
      frontasticContext,
      pageFolder: rendered === undefined ? structuredClone(PLACEHOLDER_FOLDER) : pageFolderOf(rendered, frontasticContext.project.locales),
      page: rendered === undefined ? structuredClone(PLACEHOLDER_PAGE) : pageOf(rendered.folder),
      usingTastics: rendered === undefined ? null : tasticsUsing(rendered.folder, dataSourceId),
      request: requestFor(),
      isPreview,
    };
    const result = await run(what, () => handler(configuration, context));
    sendJson(call.res, 200, result ?? null);
  } catch (error) {
    sendExtensionFailure(state, call, what, error);
  }
}
