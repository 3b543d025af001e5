import { randomBytes, randomUUID } from 'node:crypto';
import type { CustomerToken } from '@commercetools/platform-sdk';

export type EmailTokenCheck =
  | { readonly ok: true; readonly customerId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

interface StoredToken {
  readonly token: CustomerToken;
  readonly expiresAtMs: number;
}

/**
 * Email verification tokens as commercetools keeps them: each has its own validity (`ttlMinutes`), a new
 * one may invalidate the older ones (`invalidateOlderTokens`), and a successful verification invalidates
 * every token of that customer, so a token works once. The mock's tokens never expire and can be reused.
 * Values are random and live in memory only.
 */
export class EmailTokenStore {
  private readonly tokens = new Map<string, StoredToken>();

  constructor(private readonly now: () => number) {}

  create(customerId: string, ttlMinutes: number, invalidateOlderTokens: boolean): CustomerToken {
    if (invalidateOlderTokens) this.invalidate(customerId);
    this.forgetExpired();
    const createdAt = new Date(this.now()).toISOString();
    const expiresAtMs = this.now() + ttlMinutes * 60_000;
    const token: CustomerToken = {
      id: randomUUID(),
      customerId,
      value: randomBytes(32).toString('base64url'),
      expiresAt: new Date(expiresAtMs).toISOString(),
      invalidateOlderTokens,
      createdAt,
      lastModifiedAt: createdAt,
    };
    this.tokens.set(token.value, { token, expiresAtMs });
    return token;
  }

  check(value: string): EmailTokenCheck {
    const stored = this.tokens.get(value);
    if (!stored) return { ok: false, reason: 'unknown' };
    if (this.now() >= stored.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, customerId: stored.token.customerId };
  }

  /** Every token of the customer stops working. */
  invalidate(customerId: string): void {
    for (const [value, stored] of this.tokens) if (stored.token.customerId === customerId) this.tokens.delete(value);
  }

  // Expired tokens are kept for a day, so redeeming one says "expired" rather than "unknown".
  private forgetExpired(): void {
    const horizon = this.now() - 86_400_000;
    for (const [value, stored] of this.tokens) if (stored.expiresAtMs < horizon) this.tokens.delete(value);
  }
}
