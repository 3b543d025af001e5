import type { HubState, RouteCall } from '../hub-state.js';
import { sendError } from '../http/respond.js';
import { actionRoute } from './action-route.js';
import { dataSourceRoute } from './data-source-route.js';
import { pageRoute } from './page-route.js';
import { statusRoute } from './status-route.js';

const ACTION = /^\/frontastic\/action\/([^/]+)\/([^/]+)\/?$/;
const DATA_SOURCE = /^\/frontastic\/data-source\/(.+?)\/?$/;

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function methodNotAllowed(call: RouteCall, allowed: string): void {
  call.req.resume();
  call.res.setHeader('Allow', allowed);
  sendError(call.res, 405, 'METHOD_NOT_ALLOWED', `${call.req.method ?? ''} is not supported here; use ${allowed}.`, call.requestId);
}

/** The platform's routes; everything else is a JSON 404. */
export async function route(state: HubState, call: RouteCall): Promise<void> {
  const method = call.req.method ?? 'GET';
  const getOrPost = method === 'GET' || method === 'POST';
  const action = ACTION.exec(call.path);
  if (action !== null) {
    const namespace = decodeSegment(action[1] as string);
    const name = decodeSegment(action[2] as string);
    if (!getOrPost) return methodNotAllowed(call, 'GET, POST');
    if (namespace !== undefined && name !== undefined) return actionRoute(state, call, namespace, name);
  }
  if (call.path === '/frontastic/page' || call.path === '/frontastic/page/') {
    return getOrPost ? pageRoute(state, call) : methodNotAllowed(call, 'GET, POST');
  }
  const dataSource = DATA_SOURCE.exec(call.path);
  // A development aid only: the platform has no such route, so staging and production do not either.
  if (dataSource !== null && state.options.environment === 'development') {
    const type = decodeSegment(dataSource[1] as string);
    if (!getOrPost) return methodNotAllowed(call, 'GET, POST');
    if (type !== undefined) return dataSourceRoute(state, call, type);
  }
  if (call.path === '/frontastic/status' || call.path === '/frontastic/status/') {
    return method === 'GET' ? statusRoute(state, call) : methodNotAllowed(call, 'GET');
  }
  call.req.resume();
  sendError(call.res, 404, 'ROUTE_NOT_FOUND', `No route ${method} ${call.path}; the hub serves /frontastic/action/{namespace}/{action}, /frontastic/page, /frontastic/data-source/{type} and /frontastic/status.`, call.requestId);
}
