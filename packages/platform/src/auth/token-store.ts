import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.js';

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

export type TokenCheck =
  | { readonly ok: true; readonly principal: Principal; readonly scope: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

interface AccessGrant {
  readonly principal: Principal;
  readonly scope: string;
  readonly expiresAt: number;
  /** The refresh token this access token belongs to (issued with it or by it), if any. */
  readonly refreshToken: string | undefined;
}

interface RefreshGrant {
  readonly principal: Principal;
  readonly scope: string;
}

export interface TokenStoreOptions {
  readonly projectKey: string;
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch; injectable so tests can move time instead of waiting. */
  readonly now: () => number;
}

/**
 * Opaque access tokens with an expiry, and refresh tokens that do not expire (commercetools keeps
 * them for 200 days, longer than any local run) until they are revoked. Tokens live in memory only.
 */
export class TokenStore {
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private issuedSincePrune = 0;

  constructor(private readonly options: TokenStoreOptions) {}

  issue(principal: Principal, scope: string, withRefreshToken: boolean): TokenResponse {
    if (!withRefreshToken) return this.newAccessToken(principal, scope, undefined);
    const refreshToken = `${this.options.projectKey}:${randomToken()}`;
    this.refresh.set(refreshToken, { principal, scope });
    return { ...this.newAccessToken(principal, scope, refreshToken), refresh_token: refreshToken };
  }

  /** A new access token for the refresh token's session, or undefined when the refresh token is unknown or revoked. */
  refreshAccess(refreshToken: string): TokenResponse | undefined {
    const grant = this.refresh.get(refreshToken);
    return grant ? this.newAccessToken(grant.principal, grant.scope, refreshToken) : undefined;
  }

  /**
   * Revokes an access or a refresh token, whichever `token` is (the hint only says where to look first,
   * as RFC 7009 lets it). A revoked refresh token also takes every access token it issued with it, so a
   * session ended at logout cannot be replayed with any of its tokens. Unknown tokens are ignored.
   */
  revoke(token: string): void {
    this.access.delete(token);
    if (!this.refresh.delete(token)) return;
    for (const [accessToken, grant] of this.access) if (grant.refreshToken === token) this.access.delete(accessToken);
  }

  check(accessToken: string): TokenCheck {
    const grant = this.access.get(accessToken);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (this.options.now() >= grant.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, principal: grant.principal, scope: grant.scope };
  }

  private newAccessToken(principal: Principal, scope: string, refreshToken: string | undefined): TokenResponse {
    this.pruneNowAndThen();
    const accessToken = randomToken();
    this.access.set(accessToken, { principal, scope, expiresAt: this.options.now() + this.options.ttlSeconds * 1000, refreshToken });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.options.ttlSeconds, scope };
  }

  // Benchmarks issue many tokens: forget expired ones so memory stays flat.
  private pruneNowAndThen(): void {
    if (++this.issuedSincePrune < 1000) return;
    this.issuedSincePrune = 0;
    const now = this.options.now();
    for (const [token, grant] of this.access) if (now >= grant.expiresAt) this.access.delete(token);
  }
}

function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
