import { timingSafeEqual } from 'node:crypto';
import { authError } from '../errors.js';
import type { PlatformRequest } from '../http/types.js';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Checks the HTTP Basic client credentials of a token request; a 401 invalid_client otherwise. */
export function requireClient(request: PlatformRequest, expected: ClientCredentials): void {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const ok =
    colon > 0 &&
    sameText(decoded.slice(0, colon), expected.clientId) &&
    sameText(decoded.slice(colon + 1), expected.clientSecret);
  if (!ok) throw authError(401, 'invalid_client', 'Please provide valid client credentials using HTTP Basic Authentication.');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
