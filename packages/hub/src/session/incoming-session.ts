import { decodeSession, type SessionData, type TokenRejection } from './codec.js';
import type { SessionStamp } from './envelope.js';
import type { SessionKey } from './keys.js';
import { expiryOf, type SessionLifetime } from './lifetime.js';
import type { TokenCache } from './token-cache.js';
import type { HubEnvironment } from '../environments.js';

/** The session a request arrives with; an undecodable, foreign or expired token becomes `{}` and says why. */
export interface IncomingSession {
  /** Its JSON: each extension gets its own parsed copy and cannot change what the hub re-issues. */
  readonly json: string;
  /** The token as received, when it decoded with the newest key (it can then be re-issued byte for byte). */
  readonly reusableToken: string | undefined;
  readonly rejection: TokenRejection | undefined;
  /** When the session began and was last seen; none for a session that begins with this request. */
  readonly stamp: SessionStamp | undefined;
}

/** What decides whether a token still opens a session: the hub's environment, the lifetime limits and the clock. */
export interface SessionPolicy {
  readonly environment: HubEnvironment;
  readonly lifetime: SessionLifetime;
  readonly now: () => number;
}

const EMPTY: IncomingSession = { json: '{}', reusableToken: undefined, rejection: undefined, stamp: undefined };

export function sessionCopy(incoming: IncomingSession): SessionData {
  return JSON.parse(incoming.json) as SessionData;
}

export function readIncomingSession(header: string | string[] | undefined, keys: readonly SessionKey[], cache: TokenCache, policy: SessionPolicy): IncomingSession {
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  if (token === undefined || token === '') return EMPTY;
  let entry = cache.get(token);
  if (entry === undefined) {
    const decoded = decodeSession(token, keys);
    if (!decoded.ok) return { ...EMPTY, rejection: decoded.reason };
    entry = { json: decoded.json, keyIndex: decoded.keyIndex, stamp: decoded.stamp };
    cache.set(token, entry);
  }
  // A token is bound to the environment that issued it: staging and production may share a secret, never sessions.
  if (entry.stamp.environment !== policy.environment) return { ...EMPTY, rejection: 'environment' };
  const expiry = expiryOf(entry.stamp, policy.now(), policy.lifetime);
  if (expiry !== undefined) return { ...EMPTY, rejection: expiry };
  return { json: entry.json, reusableToken: entry.keyIndex === 0 ? token : undefined, rejection: undefined, stamp: entry.stamp };
}
