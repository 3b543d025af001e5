/**
 * A Server Component called an action that changes the session. Nothing there can set a cookie, so the
 * shopper would lose that change (a sign-in, a cart) without a word: in development this is thrown
 * (before the action is sent when its declared kind says it writes), in production it is a warning.
 */
export class SessionWriteInServerComponentError extends Error {
  readonly code = 'SESSION_WRITE_IN_SERVER_COMPONENT';
  override readonly name = 'SessionWriteInServerComponentError';
  constructor(
    readonly actionName: string,
    options?: { cause?: unknown },
  ) {
    super(writeLostMessage(actionName), options);
  }
}

/** Said in development (thrown) and in production (logged): which action, why its write is lost, what to do. */
export function writeLostMessage(actionName: string): string {
  return (
    `The action "${actionName}" changes the session, but it ran while a Server Component rendered, where no cookie can be set: ` +
    'its session change would be lost. Call it from a Server Action or a Route Handler (serverSession.callAction), ' +
    'or, if it only reads the session, declare it a read (isSessionRead).'
  );
}
