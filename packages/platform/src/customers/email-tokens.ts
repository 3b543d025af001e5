import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CustomerToken } from '@commercetools/platform-sdk';
import { tokenHash } from '../storage/token-hash.js';

export type EmailTokenCheck =
  | { readonly ok: true; readonly customerId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

/**
 * Email verification tokens as commercetools keeps them: each has its own validity (`ttlMinutes`), a new
 * one may invalidate the older ones (`invalidateOlderTokens`), and a successful verification invalidates
 * every token of that customer, so a token works once. The mock's tokens never expire and can be reused.
 * Values are random and kept (by hash) in the platform's database, so a mailed link still works after a
 * restart of a store with a data file.
 */
export class EmailTokenStore {
  private readonly insert: StatementSync;
  private readonly select: StatementSync;
  private readonly deleteOfCustomer: StatementSync;
  private readonly deleteExpiredBefore: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO platform_email_tokens (value_hash, customer_id, expires_at) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT customer_id, expires_at FROM platform_email_tokens WHERE value_hash = ?');
    this.deleteOfCustomer = db.prepare('DELETE FROM platform_email_tokens WHERE customer_id = ?');
    this.deleteExpiredBefore = db.prepare('DELETE FROM platform_email_tokens WHERE expires_at < ?');
  }

  create(customerId: string, ttlMinutes: number, invalidateOlderTokens: boolean): CustomerToken {
    if (invalidateOlderTokens) this.invalidate(customerId);
    // Expired tokens are kept for a day, so redeeming one says "expired" rather than "unknown".
    this.deleteExpiredBefore.run(this.now() - 86_400_000);
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
    this.insert.run(tokenHash(token.value), customerId, expiresAtMs);
    return token;
  }

  check(value: string): EmailTokenCheck {
    const stored = this.select.get(tokenHash(value)) as { customer_id: string; expires_at: number } | undefined;
    if (!stored) return { ok: false, reason: 'unknown' };
    if (this.now() >= stored.expires_at) return { ok: false, reason: 'expired' };
    return { ok: true, customerId: stored.customer_id };
  }

  /** Every token of the customer stops working. */
  invalidate(customerId: string): void {
    this.deleteOfCustomer.run(customerId);
  }
}
