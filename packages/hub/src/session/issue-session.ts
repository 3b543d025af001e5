import { encodeSessionJson } from './codec.js';
import type { SessionStamp } from './envelope.js';
import type { IncomingSession, SessionPolicy } from './incoming-session.js';
import type { SessionKey } from './keys.js';
import { isDueForTouch } from './lifetime.js';
import type { TokenCache } from './token-cache.js';
import { COOKIE_LIMIT_BYTES, cookieFits, sessionCookieLength } from './token-size.js';
import type { SessionWrite } from './write-rules.js';

export interface IssuedSession {
  /** Always set: even a cleared session is sent as a token of `{}`, the SDK only overwrites its cookie when a token arrives. */
  readonly token: string;
  /** Set when the action's write was refused and the previous session was kept. */
  readonly refused: string | undefined;
}

interface Issuer {
  readonly key: SessionKey;
  readonly cache: TokenCache;
  readonly policy: SessionPolicy;
}

function issue(json: string, stamp: SessionStamp, issuer: Issuer): string {
  const token = encodeSessionJson(json, issuer.key, stamp);
  // Only a token that fits can come back, so only those are worth remembering.
  if (cookieFits(token.length)) issuer.cache.set(token, { json, keyIndex: 0, stamp });
  return token;
}

/** The session goes on: it keeps the time it began (the absolute limit counts from there) and is seen now. */
function continued(incoming: IncomingSession, now: number, issuer: Issuer): SessionStamp {
  return { environment: issuer.policy.environment, issuedAt: incoming.stamp?.issuedAt ?? now, lastSeenAt: now };
}

function keepIncoming(incoming: IncomingSession, now: number, issuer: Issuer): string {
  const fresh = incoming.stamp !== undefined && !isDueForTouch(incoming.stamp, now, issuer.policy.lifetime);
  if (incoming.reusableToken !== undefined && fresh) return incoming.reusableToken;
  return issue(incoming.json, continued(incoming, now, issuer), issuer);
}

/**
 * Applies an action's session write and returns the token to send; never issues a cookie over 4096 bytes.
 * Every token it sends carries the session's last-seen time (moved forward at most once a minute for an
 * unchanged session) and the time it began; a cleared session begins anew.
 */
export function issueSession(incoming: IncomingSession, write: SessionWrite, issuer: Issuer): IssuedSession {
  const now = issuer.policy.now();
  switch (write.kind) {
    case 'keep':
      return { token: keepIncoming(incoming, now, issuer), refused: undefined };
    case 'clear':
      return { token: issue('{}', { environment: issuer.policy.environment, issuedAt: now, lastSeenAt: now }, issuer), refused: undefined };
    case 'invalid':
      return { token: keepIncoming(incoming, now, issuer), refused: `invalid; ${write.reason}; previous session kept` };
    case 'replace': {
      let json: string | undefined;
      try {
        json = JSON.stringify(write.session);
      } catch (error) {
        // JSON.stringify throws on cycles and BigInt: such a session cannot travel in a token.
        const reason = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
        return { token: keepIncoming(incoming, now, issuer), refused: `invalid; sessionData is not JSON-serializable (${reason}); previous session kept` };
      }
      // An object with toJSON can serialise to a string, an array, null or nothing: never a session.
      if (json === undefined || !json.startsWith('{')) {
        return { token: keepIncoming(incoming, now, issuer), refused: `invalid; sessionData serialises to ${json === undefined ? 'nothing' : json.slice(0, 20)} instead of a JSON object (check its toJSON); previous session kept` };
      }
      const token = issue(json, continued(incoming, now, issuer), issuer);
      if (cookieFits(token.length)) return { token, refused: undefined };
      return {
        token: keepIncoming(incoming, now, issuer),
        refused: `too-large; cookie would be ${sessionCookieLength(token.length)} bytes, limit ${COOKIE_LIMIT_BYTES}; previous session kept`,
      };
    }
  }
}
