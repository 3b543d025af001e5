import { encodeSession, type SessionData } from './codec.js';
import type { SessionKey } from './keys.js';
import type { IncomingSession } from './incoming-session.js';
import { COOKIE_LIMIT_BYTES, cookieFits, sessionCookieLength } from './token-size.js';
import type { SessionWrite } from './write-rules.js';

export interface IssuedSession {
  /** Always set: even a cleared session is sent as a token of `{}`, the SDK only overwrites its cookie when a token arrives. */
  readonly token: string;
  readonly session: SessionData;
  /** Set when the action's write was refused and the previous session was kept. */
  readonly refused: string | undefined;
}

async function keepIncoming(incoming: IncomingSession, key: SessionKey): Promise<string> {
  return incoming.reusableToken ?? encodeSession(incoming.session, key);
}

/** Applies an action's session write and returns the token to send; never issues a cookie over 4096 bytes. */
export async function issueSession(incoming: IncomingSession, write: SessionWrite, key: SessionKey): Promise<IssuedSession> {
  switch (write.kind) {
    case 'keep':
      return { token: await keepIncoming(incoming, key), session: incoming.session, refused: undefined };
    case 'clear':
      return { token: await encodeSession({}, key), session: {}, refused: undefined };
    case 'invalid':
      return { token: await keepIncoming(incoming, key), session: incoming.session, refused: `invalid; ${write.reason}; previous session kept` };
    case 'replace': {
      const token = await encodeSession(write.session, key);
      if (cookieFits(token.length)) return { token, session: write.session, refused: undefined };
      return {
        token: await keepIncoming(incoming, key),
        session: incoming.session,
        refused: `too-large; cookie would be ${sessionCookieLength(token.length)} bytes, limit ${COOKIE_LIMIT_BYTES}; previous session kept`,
      };
    }
  }
}
