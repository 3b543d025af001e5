import { decodeSession, type SessionData, type TokenRejection } from './codec.js';
import type { SessionKey } from './keys.js';
import type { TokenCache } from './token-cache.js';

/** The session a request arrives with; an undecodable token becomes `{}` and says why. */
export interface IncomingSession {
  /** Its JSON: each extension gets its own parsed copy and cannot change what the hub re-issues. */
  readonly json: string;
  /** The token as received, when it decoded with the newest key (it can then be re-issued byte for byte). */
  readonly reusableToken: string | undefined;
  readonly rejection: TokenRejection | undefined;
}

const EMPTY: IncomingSession = { json: '{}', reusableToken: undefined, rejection: undefined };

export function sessionCopy(incoming: IncomingSession): SessionData {
  return JSON.parse(incoming.json) as SessionData;
}

export function readIncomingSession(header: string | string[] | undefined, keys: readonly SessionKey[], cache: TokenCache): IncomingSession {
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  if (token === undefined || token === '') return EMPTY;
  const cached = cache.get(token);
  if (cached !== undefined) return { json: cached.json, reusableToken: cached.keyIndex === 0 ? token : undefined, rejection: undefined };
  const decoded = decodeSession(token, keys);
  if (!decoded.ok) return { ...EMPTY, rejection: decoded.reason };
  cache.set(token, { json: decoded.json, keyIndex: decoded.keyIndex });
  return { json: decoded.json, reusableToken: decoded.keyIndex === 0 ? token : undefined, rejection: undefined };
}
