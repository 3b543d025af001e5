import { authError } from '../errors.js';
import type { PlatformRequest } from '../http/types.js';
import type { Principal } from './principal.js';
import type { TokenStore } from './token-store.js';

/** Who the request's bearer token speaks for, and the scopes it was issued with. */
export interface Caller {
  readonly principal: Principal;
  readonly scope: string;
}

/** The caller of the request's bearer token, or the 401 commercetools answers. */
export function authenticate(request: PlatformRequest, tokens: TokenStore): Caller {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw authError(401, 'invalid_token', 'This endpoint requires an access token. You can get one from the authorization server.');
  }
  const check = tokens.check(match[1]);
  if (!check.ok) throw authError(401, 'invalid_token', 'invalid_token');
  return { principal: check.principal, scope: check.scope };
}
