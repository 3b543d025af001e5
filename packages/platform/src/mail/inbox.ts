import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ReceivedMail } from './received-mail.js';

/**
 * Where received mails are kept, oldest first: storage only, in the platform's database (platform_mails), so with
 * a data file the mails a shopper was sent (a verification link, an order confirmation) are still there after a
 * restart. What may be kept, and what must go to make room, is the budget's business (`budget.ts`).
 */
export class MailInbox {
  private readonly insert: StatementSync;
  private readonly totals: StatementSync;
  private readonly selectAll: StatementSync;
  private readonly selectOne: StatementSync;
  private readonly deleteOldest: StatementSync;
  private readonly deleteAll: StatementSync;

  constructor(db: DatabaseSync) {
    this.insert = db.prepare('INSERT INTO platform_mails (id, mail, size_bytes) VALUES (?, ?, ?)');
    this.totals = db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(size_bytes), 0) AS bytes FROM platform_mails');
    this.selectAll = db.prepare('SELECT mail FROM platform_mails ORDER BY seq');
    this.selectOne = db.prepare('SELECT mail FROM platform_mails WHERE id = ?');
    this.deleteOldest = db.prepare('DELETE FROM platform_mails WHERE seq = (SELECT MIN(seq) FROM platform_mails) RETURNING mail');
    this.deleteAll = db.prepare('DELETE FROM platform_mails');
  }

  get count(): number {
    return Number((this.totals.get() as { count: number }).count);
  }

  /** The sum of the kept mails' `sizeBytes`. */
  get bytes(): number {
    return Number((this.totals.get() as { bytes: number }).bytes);
  }

  add(mail: ReceivedMail): void {
    this.insert.run(mail.id, JSON.stringify(mail), mail.sizeBytes);
  }

  /** Every kept mail, oldest first; `to` keeps those addressed to that recipient (case-insensitive). */
  list(to?: string): ReceivedMail[] {
    const wanted = to?.toLowerCase();
    const mails = (this.selectAll.all() as { mail: string }[]).map((row) => JSON.parse(row.mail) as ReceivedMail);
    return wanted === undefined ? mails : mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === wanted));
  }

  get(id: string): ReceivedMail | undefined {
    const row = this.selectOne.get(id) as { mail: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.mail) as ReceivedMail);
  }

  removeOldest(): ReceivedMail | undefined {
    const row = this.deleteOldest.get() as { mail: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.mail) as ReceivedMail);
  }

  clear(): void {
    this.deleteAll.run();
  }
}
