import type { ReceivedMail } from './received-mail.js';

/**
 * Where received mails are kept, oldest first: storage only. What may be kept, and what must go to make room,
 * is the budget's business (`budget.ts`), so this class can be swapped for another storage.
 */
export class MailInbox {
  readonly #mails: ReceivedMail[] = [];
  #bytes = 0;

  get count(): number {
    return this.#mails.length;
  }

  /** The sum of the kept mails' `sizeBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  add(mail: ReceivedMail): void {
    this.#mails.push(mail);
    this.#bytes += mail.sizeBytes;
  }

  /** Every kept mail, oldest first; `to` keeps those addressed to that recipient (case-insensitive). */
  list(to?: string): ReceivedMail[] {
    const wanted = to?.toLowerCase();
    return this.#mails.filter((mail) => wanted === undefined || mail.to.some((address) => address.toLowerCase() === wanted));
  }

  get(id: string): ReceivedMail | undefined {
    return this.#mails.find((mail) => mail.id === id);
  }

  removeOldest(): ReceivedMail | undefined {
    const oldest = this.#mails.shift();
    if (oldest !== undefined) this.#bytes -= oldest.sizeBytes;
    return oldest;
  }

  clear(): void {
    this.#mails.length = 0;
    this.#bytes = 0;
  }
}
