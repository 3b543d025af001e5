import type { ActionContext, ActionRequest, ActionResponse } from '../contract/action.js';
import { CtpSession, closeSession, type SessionWrite } from '../session/ctp-session.js';
import { assertSessionFits } from '../size/size-guard.js';
import { checkHandlerResult, type CheckedResult, type SessionActionResult, type SessionErrorResult } from './handler-result.js';

export interface SessionActionArgs {
  /** This request's session; pass it to the classes that need it. */
  session: CtpSession;
  request: ActionRequest;
  context: ActionContext;
}

/** What `withSession` returns: an `ActionHandler` that always answers asynchronously. */
export type SessionAction = (request: ActionRequest, actionContext: ActionContext) => Promise<ActionResponse>;

export type SessionActionHandler = (args: SessionActionArgs) => Promise<SessionActionResult> | SessionActionResult;

export interface WithSessionOptions {
  /**
   * Turns any error — thrown by the handler, or by the session checks when the response is built
   * (e.g. `SessionTooLargeError`) — into a response. That response never writes the session.
   * Without it the error propagates and the platform answers 500, again without touching the session.
   */
  onError?: (error: unknown, request: ActionRequest) => Promise<SessionErrorResult> | SessionErrorResult;
}

/**
 * Wraps an action handler: it receives a `CtpSession` built from the request, and its response carries
 * the complete session when it changed (`sessionData: null` when it was emptied), no `sessionData` when it
 * did not, and never a partial one. Every write passes the 4096-byte cookie guard first.
 */
export function withSession(handler: SessionActionHandler, options: WithSessionOptions = {}): SessionAction {
  return async (request: ActionRequest, context: ActionContext): Promise<ActionResponse> => {
    const session = new CtpSession(request.sessionData);
    try {
      const result = checkHandlerResult(await handler({ session, request, context }), 'handler');
      return toResponse(result, closeSession(session));
    } catch (error) {
      closeSession(session);
      if (options.onError === undefined) throw error;
      const mapped = checkHandlerResult(await options.onError(error, request), 'onError');
      return toResponse(mapped, { kind: 'unchanged' });
    }
  };
}

function toResponse(result: CheckedResult, write: SessionWrite): ActionResponse {
  const response: ActionResponse = { statusCode: result.statusCode };
  if (result.body !== undefined) response.body = result.body;
  if (!result.writeSession) return response;
  if (write.kind === 'cleared') response.sessionData = null;
  if (write.kind === 'replaced') {
    assertSessionFits(write.sessionData);
    response.sessionData = write.sessionData;
  }
  return response;
}
