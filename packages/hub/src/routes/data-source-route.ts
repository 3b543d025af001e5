import type { HubState, RouteCall } from '../hub-state.js';
import { buildExtensionRequest, frontasticContextFor } from '../http/extension-request.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { sendError, sendJson } from '../http/respond.js';
import { runExtension } from '../run/run-extension.js';
import { sessionCopy } from '../session/incoming-session.js';
import { sendExtensionFailure } from './extension-failure.js';
import { readRequestSession } from './read-session.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Development aid: runs one data source with a given configuration and returns its whole result.
 * POST body `{ "configuration": {…}, "dataSourceId"?: "…" }`, or GET with the configuration as query parameters.
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
  let input: Record<string, unknown> = { configuration: query };
  if (body !== undefined && body.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      sendError(call.res, 400, 'DATA_SOURCE_REQUEST_INVALID', 'The body must be JSON: { "configuration": { … }, "dataSourceId"?: "…" }.', call.requestId);
      return;
    }
    if (!isRecord(parsed) || (parsed['configuration'] !== undefined && !isRecord(parsed['configuration']))) {
      sendError(call.res, 400, 'DATA_SOURCE_REQUEST_INVALID', 'The body must be an object: { "configuration": { … }, "dataSourceId"?: "…" }.', call.requestId);
      return;
    }
    input = parsed;
  }
  const dataSourceId = typeof input['dataSourceId'] === 'string' ? input['dataSourceId'] : 'preview';
  const configuration = {
    dataSourceId,
    type,
    name: typeof input['name'] === 'string' ? input['name'] : dataSourceId,
    configuration: isRecord(input['configuration']) ? input['configuration'] : {},
    preloadedValue: null,
  };
  const incoming = readRequestSession(state, call);
  const request = buildExtensionRequest(call.req, { path: call.path, query, body, sessionData: sessionCopy(incoming), frontasticRequestId: call.requestId });
  try {
    const result = await runExtension(state, what, call.requestId, () => handler(configuration, { frontasticContext: frontasticContextFor(call.req, state.options), request, usingTastics: null, isPreview: true }));
    sendJson(call.res, 200, result ?? null);
  } catch (error) {
    sendExtensionFailure(state, call, what, error);
  }
}
