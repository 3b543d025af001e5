import { decodeSession, type SessionData, type TokenRejection } from './codec.js';
import type { SessionKey } from './keys.js';

/** The session a request arrives with; an undecodable token becomes `{}` and says why. */
export interface IncomingSession {
  readonly session: SessionData;
  /** Its JSON, so each extension gets its own copy and cannot change what the hub re-issues. */
  readonly json: string;
  /** The token as received, when it decoded with the newest key (it can then be re-issued byte for byte). */
  readonly reusableToken: string | undefined;
  readonly rejection: TokenRejection | undefined;
}

const EMPTY: IncomingSession = { session: {}, json: '{}', reusableToken: undefined, rejection: undefined };

export function sessionCopy(incoming: IncomingSession): SessionData {
  return JSON.parse(incoming.json) as SessionData;
}

export async function readIncomingSession(header: string | string[] | undefined, keys: readonly SessionKey[]): Promise<IncomingSession> {
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  if (token === undefined || token === '') return EMPTY;
  const decoded = await decodeSession(token, keys);
  if (!decoded.ok) return { ...EMPTY, rejection: decoded.reason };
  return { session: decoded.session, json: decoded.json, reusableToken: decoded.keyIndex === 0 ? token : undefined, rejection: undefined };
}
