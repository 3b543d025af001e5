import type { HubState, RouteCall } from '../hub-state.js';
import { HEADER } from '../http/header-names.js';
import { readIncomingSession, type IncomingSession } from '../session/incoming-session.js';

/**
 * Reads `Frontastic-Session`; a token that cannot be decoded, comes from another environment or has outlived its
 * idle or absolute limit becomes `{}` (a guest), is logged and named in `X-Session-Invalid`. Never an error: the
 * next answer carries a fresh session.
 */
export function readRequestSession(state: HubState, call: RouteCall): IncomingSession {
  const incoming = readIncomingSession(call.req.headers['frontastic-session'], state.keys, state.tokenCache, state.sessionPolicy);
  const reason = incoming.rejection;
  if (reason !== undefined) {
    call.res.setHeader(HEADER.sessionInvalid, reason);
    // Expiry is how sessions are meant to end; anything else is worth a look.
    if (reason === 'expired-idle' || reason === 'expired-absolute') state.logger.log('info', 'session expired; the session starts empty', { reason, path: call.path, requestId: call.requestId });
    else state.logger.log('warn', 'session token rejected; the session starts empty', { reason, path: call.path, requestId: call.requestId });
  }
  return incoming;
}
