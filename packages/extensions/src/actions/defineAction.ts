import { SessionError, SessionTooLargeError, withSession, type ActionHandler } from '@ctp-session/session';
import { ExtensionError, SessionExpiredError } from '../errors.js';
import { toExtensionError } from '../commercetools/http/toExtensionError.js';
import { errorBody, type JsonResult } from '../utils/json.js';
import { ActionScope } from './ActionScope.js';

/** The session grew past the browser's cookie limit; the write was refused and the session kept. */
export class SessionTooLargeActionError extends ExtensionError {
  readonly code = 'SESSION_TOO_LARGE';
  readonly status = 413;
  override readonly name = 'SessionTooLargeActionError';
}

/** A bug in an extension's use of the session; the shopper gets a generic 500. */
class SessionMisuseError extends ExtensionError {
  readonly code = 'SESSION_MISUSE';
  readonly status = 500;
  override readonly name = 'SessionMisuseError';
}

/**
 * Every action is built here, so session handling and error answers are written once: the session is
 * written completely or not at all (through @ctp-session/session), bodies are JSON, and every failure is
 * `{ error: { code, message } }` with the session left exactly as it was. The one exception is an
 * expired sign-in: the customer part is dropped (and written) so the shopper is not stuck with it.
 */
export function defineAction(run: (scope: ActionScope) => Promise<JsonResult> | JsonResult): ActionHandler {
  return withSession(
    async ({ session, request, context }) => {
      try {
        const { status = 200, body } = await run(new ActionScope(session, request, context));
        return { statusCode: status, body: JSON.stringify(body) };
      } catch (error) {
        if (!(error instanceof SessionExpiredError)) throw error;
        return { statusCode: error.status, body: JSON.stringify(errorBody(error)), writeSession: true };
      }
    },
    {
      onError: (error, request) => {
        const answer = toActionError(error);
        if (answer.status >= 500) console.error(`[extensions] ${request.path}: ${answer.code}: ${describe(error)}`);
        return { statusCode: answer.status, body: JSON.stringify(errorBody(answer)) };
      },
    },
  );
}

function toActionError(error: unknown): ExtensionError {
  if (error instanceof SessionTooLargeError) return new SessionTooLargeActionError(error.message);
  if (error instanceof SessionError) return new SessionMisuseError(`The action could not update the session (${error.code}).`);
  return toExtensionError(error);
}

/** For the log only: the error's class and message, never request data. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
