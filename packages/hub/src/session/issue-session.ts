import { encodeSessionJson } from './codec.js';
import type { IncomingSession } from './incoming-session.js';
import type { SessionKey } from './keys.js';
import type { TokenCache } from './token-cache.js';
import { COOKIE_LIMIT_BYTES, cookieFits, sessionCookieLength } from './token-size.js';
import type { SessionWrite } from './write-rules.js';

export interface IssuedSession {
  /** Always set: even a cleared session is sent as a token of `{}`, the SDK only overwrites its cookie when a token arrives. */
  readonly token: string;
  /** Set when the action's write was refused and the previous session was kept. */
  readonly refused: string | undefined;
}

function issue(json: string, key: SessionKey, cache: TokenCache): string {
  const token = encodeSessionJson(json, key);
  // Only a token that fits can come back, so only those are worth remembering.
  if (cookieFits(token.length)) cache.set(token, { json, keyIndex: 0 });
  return token;
}

function keepIncoming(incoming: IncomingSession, key: SessionKey, cache: TokenCache): string {
  return incoming.reusableToken ?? issue(incoming.json, key, cache);
}

/** Applies an action's session write and returns the token to send; never issues a cookie over 4096 bytes. */
export function issueSession(incoming: IncomingSession, write: SessionWrite, key: SessionKey, cache: TokenCache): IssuedSession {
  switch (write.kind) {
    case 'keep':
      return { token: keepIncoming(incoming, key, cache), refused: undefined };
    case 'clear':
      return { token: issue('{}', key, cache), refused: undefined };
    case 'invalid':
      return { token: keepIncoming(incoming, key, cache), refused: `invalid; ${write.reason}; previous session kept` };
    case 'replace': {
      let json: string | undefined;
      try {
        json = JSON.stringify(write.session);
      } catch (error) {
        // JSON.stringify throws on cycles and BigInt: such a session cannot travel in a token.
        const reason = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
        return { token: keepIncoming(incoming, key, cache), refused: `invalid; sessionData is not JSON-serializable (${reason}); previous session kept` };
      }
      // An object with toJSON can serialise to a string, an array, null or nothing: never a session.
      if (json === undefined || !json.startsWith('{')) {
        return { token: keepIncoming(incoming, key, cache), refused: `invalid; sessionData serialises to ${json === undefined ? 'nothing' : json.slice(0, 20)} instead of a JSON object (check its toJSON); previous session kept` };
      }
      const token = issue(json, key, cache);
      if (cookieFits(token.length)) return { token, refused: undefined };
      return {
        token: keepIncoming(incoming, key, cache),
        refused: `too-large; cookie would be ${sessionCookieLength(token.length)} bytes, limit ${COOKIE_LIMIT_BYTES}; previous session kept`,
      };
    }
  }
}
