import { hubUrlFromEnv } from './hub-url';
import { createServerSession, SessionLineage, type ServerSession } from './server-session';
import { isSessionRead } from './session-reads';

// Next.js may load this module once per route bundle; the order of a session's writes must be one per process.
const LINEAGE = Symbol.for('ctp-session.frontend.session-lineage');
const scope = globalThis as { [LINEAGE]?: SessionLineage };

/** The store's server side of the session: its Server Actions, its confirmation page and its Server Components use it. */
export const storeSession: ServerSession = createServerSession({
  endpoint: () => hubUrlFromEnv(),
  isSessionRead: (actionName) => isSessionRead(`/action/${actionName}`),
  lineage: (scope[LINEAGE] ??= new SessionLineage()),
});
