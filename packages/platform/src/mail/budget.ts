import type { MailInbox } from './inbox.js';
import type { MailLimits } from './limits.js';

/** Drops the oldest mails until one of `incomingBytes` fits the kept-mail budget. */
export function makeRoom(inbox: Pick<MailInbox, 'count' | 'bytes' | 'removeOldest'>, limits: Pick<MailLimits, 'keptBytes' | 'keptMails'>, incomingBytes: number): number {
  let dropped = 0;
  while (inbox.count > 0 && (inbox.count >= limits.keptMails || inbox.bytes + incomingBytes > limits.keptBytes)) {
    inbox.removeOldest();
    dropped += 1;
  }
  return dropped;
}

/**
 * Bytes of the mails being received right now, across every connection: each chunk is reserved before it is
 * buffered and released when its mail is kept or refused, so concurrent senders share one ceiling instead of
 * each holding a full-size mail.
 */
export class ReceivingBudget {
  #used = 0;

  constructor(private readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  tryReserve(bytes: number): boolean {
    if (this.#used + bytes > this.limit) return false;
    this.#used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}
