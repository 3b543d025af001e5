import { randomUUID } from 'node:crypto';
import type { CtpSession } from '@ctp-session/session';
import { SessionExpiredError } from '../../errors.js';
import { forgetCart } from '../../session/cartReference.js';
import { CommercetoolsApiError } from '../http/CommercetoolsApiError.js';
import type { OAuthClient } from './OAuthClient.js';

/** Refresh this long before `expirationTime`, so a token never expires in the middle of an action. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * The shopper's commercetools token, kept in the session. A guest gets an anonymous token only when an
 * action first needs one; a token close to expiry is refreshed through the refresh flow (never replaced
 * by a new anonymous session, which would orphan the shopper's cart).
 */
export class ShopperAuth {
  constructor(
    private readonly session: CtpSession,
    private readonly oauth: OAuthClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token if the shopper has one (refreshed when due), or undefined: reading creates nothing. */
  async existingToken(): Promise<string | undefined> {
    const token = this.session.token;
    if (token === undefined) return undefined;
    if (this.session.hasValidToken(this.now(), REFRESH_MARGIN_MS)) return token.accessToken;
    return this.refresh(token.refreshToken);
  }

  /** The shopper's token, starting an anonymous session for a guest who has none yet. */
  async token(): Promise<string> {
    const existing = await this.existingToken();
    if (existing !== undefined) return existing;
    const token = await this.oauth.anonymousToken(randomUUID());
    this.session.token = token;
    return token.accessToken;
  }

  /**
   * Renews the token now, whatever its expiry says: commercetools refused it. Same outcome as an
   * expiry: a refreshed token in the session, or the customer signed out (SessionExpiredError), or a
   * guest who starts over (undefined).
   */
  async renew(): Promise<string | undefined> {
    const token = this.session.token;
    return token === undefined ? undefined : this.refresh(token.refreshToken);
  }

  /**
   * Revokes the session's commercetools tokens (refresh and access), so a copy of this session kept from
   * before (a replayed cookie, another tab) cannot act as this shopper any more. Best effort: when
   * commercetools cannot be reached the tokens stay valid until they expire, and that is logged.
   */
  async revoke(): Promise<void> {
    const token = this.session.token;
    if (token === undefined) return;
    const revocations = [
      ...(token.refreshToken === undefined ? [] : [this.oauth.revoke(token.refreshToken, 'refresh_token')]),
      this.oauth.revoke(token.accessToken, 'access_token'),
    ];
    const failed = (await Promise.allSettled(revocations)).filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      const reason = (failed[0] as PromiseRejectedResult).reason;
      const code = typeof reason === 'object' && reason !== null && 'code' in reason ? String(reason.code) : 'unknown';
      console.error(`[extensions] logout: ${failed.length} of ${revocations.length} commercetools tokens could not be revoked (${code}); they stay valid until they expire`);
    }
  }

  private async refresh(refreshToken: string | undefined): Promise<string | undefined> {
    if (refreshToken !== undefined) {
      try {
        const token = await this.oauth.refresh(refreshToken);
        this.session.token = token;
        return token.accessToken;
      } catch (error) {
        if (!isRefusal(error)) throw error;
      }
    }
    if (this.session.customerId !== undefined) {
      this.session.signout();
      forgetCart(this.session);
      throw new SessionExpiredError();
    }
    // A guest whose token cannot be renewed starts over: the old anonymous cart is out of reach anyway.
    this.session.token = undefined;
    forgetCart(this.session);
    return undefined;
  }
}

/** commercetools refused the refresh token itself (as opposed to being down or slow). */
function isRefusal(error: unknown): boolean {
  return error instanceof CommercetoolsApiError && (error.status === 400 || error.status === 401);
}
