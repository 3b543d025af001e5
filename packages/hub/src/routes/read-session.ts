import type { HubState, RouteCall } from '../hub-state.js';
import { HEADER } from '../http/header-names.js';
import { readIncomingSession, type IncomingSession } from '../session/incoming-session.js';

/** Reads `Frontastic-Session`; a token that cannot be decoded becomes `{}`, is logged and named in `X-Session-Invalid`. */
export function readRequestSession(state: HubState, call: RouteCall): IncomingSession {
  const incoming = readIncomingSession(call.req.headers['frontastic-session'], state.keys, state.tokenCache);
  if (incoming.rejection !== undefined) {
    call.res.setHeader(HEADER.sessionInvalid, incoming.rejection);
    state.logger.log('warn', 'session token rejected; the session starts empty', { reason: incoming.rejection, path: call.path, requestId: call.requestId });
  }
  return incoming;
}
