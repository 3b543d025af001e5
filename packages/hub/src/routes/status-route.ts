import type { HubState, RouteCall } from '../hub-state.js';
import { sendJson } from '../http/respond.js';

export function statusRoute(state: HubState, call: RouteCall): void {
  call.req.resume();
  // In production the status is for uptime checks only: file paths and the bundle's routes are nobody's business.
  if (state.options.environment === 'production') {
    sendJson(call.res, 200, { status: 'ok', environment: 'production' });
    return;
  }
  const bundle = state.bundles.current;
  sendJson(call.res, 200, {
    status: 'ok',
    environment: state.options.environment,
    sessionSecret: state.usesDevelopmentSecret ? 'development-default (insecure, never use in production)' : 'configured',
    sessionKeys: state.keys.length,
    bundle: {
      file: state.bundles.file,
      version: state.bundles.version,
      loadedAt: state.bundles.loadedAt.toISOString(),
      actions: Object.entries(bundle.actions).flatMap(([namespace, actions]) => Object.keys(actions).map((name) => `${namespace}/${name}`)),
      dataSources: Object.keys(bundle.dataSources),
      dynamicPageHandler: bundle.dynamicPageHandler !== undefined,
    },
    pageFolders: state.studio.current().pageFolders.length,
    timeoutMs: state.options.timeoutMs,
    sessionLifetime: state.options.sessionLifetime,
  });
}
