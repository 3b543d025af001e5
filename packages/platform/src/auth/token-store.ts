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
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

interface AccessGrant {
  readonly principal: Principal;
  readonly expiresAt: number;
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
 * them for 200 days, longer than any local run). Tokens live in memory only.
 */
export class TokenStore {
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private issuedSincePrune = 0;

  constructor(private readonly options: TokenStoreOptions) {}

  issue(principal: Principal, scope: string, withRefreshToken: boolean): TokenResponse {
    const token = this.newAccessToken(principal, scope);
    if (!withRefreshToken) return token;
    const refreshToken = `${this.options.projectKey}:${randomToken()}`;
    this.refresh.set(refreshToken, { principal, scope });
    return { ...token, refresh_token: refreshToken };
  }

  /** A new access token for the refresh token's session, or undefined when the refresh token is unknown. */
  refreshAccess(refreshToken: string): TokenResponse | undefined {
    const grant = this.refresh.get(refreshToken);
    return grant ? this.newAccessToken(grant.principal, grant.scope) : undefined;
  }

  check(accessToken: string): TokenCheck {
    const grant = this.access.get(accessToken);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (this.options.now() >= grant.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, principal: grant.principal };
  }

  private newAccessToken(principal: Principal, scope: string): TokenResponse {
    this.pruneNowAndThen();
    const accessToken = randomToken();
    this.access.set(accessToken, { principal, expiresAt: this.options.now() + this.options.ttlSeconds * 1000 });
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
