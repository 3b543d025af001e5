import { SessionInvalidValueError } from '../errors.js';
import type { CtpAuthToken } from '../session-data.js';

/**
 * True when the session holds a token whose `expirationTime` is more than `marginMs` after `now`.
 * At the exact expiry instant the token is already invalid. Use a margin (e.g. 60_000) to refresh a token
 * before it runs out during the request.
 */
export function hasValidToken(
  session: { readonly token?: Readonly<CtpAuthToken> | undefined },
  now: number = Date.now(),
  marginMs: number = 0,
): boolean {
  if (!Number.isFinite(now)) throw new SessionInvalidValueError('now', 'a finite epoch-milliseconds number');
  if (!Number.isFinite(marginMs) || marginMs < 0) throw new SessionInvalidValueError('marginMs', 'a finite number ≥ 0 (milliseconds)');
  const token = session.token;
  return token !== undefined && token.expirationTime - marginMs > now;
}
