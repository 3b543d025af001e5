import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ReceivedMail } from './sink.js';

/**
 * The mail sink's inbox in the platform's database (platform_mails), so with a data file the mails a shopper
 * was sent (a verification link, an order confirmation) are still there after a restart. Only the newest
 * `kept` mails stay.
 */
export class MailInbox {
  private readonly insert: StatementSync;
  private readonly dropOldest: StatementSync;
  private readonly selectAll: StatementSync;
  private readonly selectOne: StatementSync;
  private readonly deleteAll: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly kept: number,
  ) {
    this.insert = db.prepare('INSERT INTO platform_mails (id, mail, size_bytes) VALUES (?, ?, ?)');
    this.dropOldest = db.prepare('DELETE FROM platform_mails WHERE seq <= (SELECT seq FROM platform_mails ORDER BY seq DESC LIMIT 1 OFFSET ?)');
    this.selectAll = db.prepare('SELECT mail FROM platform_mails ORDER BY seq');
    this.selectOne = db.prepare('SELECT mail FROM platform_mails WHERE id = ?');
    this.deleteAll = db.prepare('DELETE FROM platform_mails');
  }

  add(mail: ReceivedMail): void {
    this.insert.run(mail.id, JSON.stringify(mail), mail.sizeBytes);
    this.dropOldest.run(this.kept);
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

  clear(): void {
    this.deleteAll.run();
  }
}
