import { randomBytes } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { tokenHash } from '../storage/token-hash.js';
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

export interface TokenStoreOptions {
  /** The platform's database (platform_access_tokens, platform_refresh_tokens). */
  readonly db: DatabaseSync;
  readonly projectKey: string;
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch; injectable so tests can move time instead of waiting. */
  readonly now: () => number;
}

interface GrantRow {
  readonly principal: string;
  readonly scope: string;
}

/**
 * Opaque access tokens with an expiry, and refresh tokens that do not expire (commercetools keeps them for
 * 200 days, longer than any local run) until they are revoked. They live in the platform's database (by
 * hash), so with a data file a restart keeps every shopper's tokens working and every revoked one refused.
 */
export class TokenStore {
  private issuedSincePrune = 0;
  private readonly insertAccess: StatementSync;
  private readonly insertRefresh: StatementSync;
  private readonly selectAccess: StatementSync;
  private readonly selectRefresh: StatementSync;
  private readonly deleteAccess: StatementSync;
  private readonly deleteRefresh: StatementSync;
  private readonly deleteAccessOfRefresh: StatementSync;
  private readonly deleteExpired: StatementSync;

  constructor(private readonly options: TokenStoreOptions) {
    const { db } = options;
    this.insertAccess = db.prepare('INSERT INTO platform_access_tokens (token_hash, principal, scope, expires_at, refresh_hash) VALUES (?, ?, ?, ?, ?)');
    this.insertRefresh = db.prepare('INSERT INTO platform_refresh_tokens (token_hash, principal, scope) VALUES (?, ?, ?)');
    this.selectAccess = db.prepare('SELECT principal, scope, expires_at FROM platform_access_tokens WHERE token_hash = ?');
    this.selectRefresh = db.prepare('SELECT principal, scope FROM platform_refresh_tokens WHERE token_hash = ?');
    this.deleteAccess = db.prepare('DELETE FROM platform_access_tokens WHERE token_hash = ?');
    this.deleteRefresh = db.prepare('DELETE FROM platform_refresh_tokens WHERE token_hash = ?');
    this.deleteAccessOfRefresh = db.prepare('DELETE FROM platform_access_tokens WHERE refresh_hash = ?');
    this.deleteExpired = db.prepare('DELETE FROM platform_access_tokens WHERE expires_at <= ?');
  }

  issue(principal: Principal, scope: string, withRefreshToken: boolean): TokenResponse {
    if (!withRefreshToken) return this.newAccessToken(principal, scope, undefined);
    const refreshToken = `${this.options.projectKey}:${randomToken()}`;
    const refreshHash = tokenHash(refreshToken);
    this.insertRefresh.run(refreshHash, JSON.stringify(principal), scope);
    return { ...this.newAccessToken(principal, scope, refreshHash), refresh_token: refreshToken };
  }

  /** A new access token for the refresh token's session, or undefined when the refresh token is unknown or revoked. */
  refreshAccess(refreshToken: string): TokenResponse | undefined {
    const refreshHash = tokenHash(refreshToken);
    const grant = this.selectRefresh.get(refreshHash) as GrantRow | undefined;
    return grant ? this.newAccessToken(JSON.parse(grant.principal) as Principal, grant.scope, refreshHash) : undefined;
  }

  /**
   * Revokes an access or a refresh token, whichever `token` is (the hint only says where to look first,
   * as RFC 7009 lets it). A revoked refresh token also takes every access token it issued with it, so a
   * session ended at logout cannot be replayed with any of its tokens. Unknown tokens are ignored.
   */
  revoke(token: string): void {
    const hash = tokenHash(token);
    this.deleteAccess.run(hash);
    if (Number(this.deleteRefresh.run(hash).changes) === 0) return;
    this.deleteAccessOfRefresh.run(hash);
  }

  check(accessToken: string): TokenCheck {
    const grant = this.selectAccess.get(tokenHash(accessToken)) as (GrantRow & { expires_at: number }) | undefined;
    if (!grant) return { ok: false, reason: 'unknown' };
    if (this.options.now() >= grant.expires_at) return { ok: false, reason: 'expired' };
    return { ok: true, principal: JSON.parse(grant.principal) as Principal, scope: grant.scope };
  }

  private newAccessToken(principal: Principal, scope: string, refreshHash: string | undefined): TokenResponse {
    this.pruneNowAndThen();
    const accessToken = randomToken();
    this.insertAccess.run(tokenHash(accessToken), JSON.stringify(principal), scope, this.options.now() + this.options.ttlSeconds * 1000, refreshHash ?? null);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.options.ttlSeconds, scope };
  }

  // Benchmarks issue many tokens: forget expired ones so the table stays small.
  private pruneNowAndThen(): void {
    if (++this.issuedSincePrune < 1000) return;
    this.issuedSincePrune = 0;
    this.deleteExpired.run(this.options.now());
  }
}

function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
