import { PlatformOptionError } from '../errors.js';

/** What the mail sink takes, so a flood of mail cannot take the platform's memory or sockets. */
export interface MailLimits {
  /** One mail, its envelope (`MAIL FROM` and every `RCPT TO` command) included; more is refused with 552. */
  readonly maxBytes: number;
  /** Recipients of one mail; a `RCPT TO` past it is answered 452 (the client may send to those accepted). */
  readonly maxRecipients: number;
  /** SMTP connections open at once; one more is answered 421 and closed. */
  readonly maxConnections: number;
  /** Mails being received at once share this many bytes; a mail that does not fit is answered 452 (try later). */
  readonly receivingBytes: number;
  /** The sum of the kept mails' sizes; the oldest mails are dropped to make room for a new one. */
  readonly keptBytes: number;
  /** Kept mails; the oldest are dropped beyond it. */
  readonly keptMails: number;
}

export const DEFAULT_MAIL_LIMITS: MailLimits = {
  maxBytes: 10 * 1024 * 1024,
  // RFC 5321 (4.5.3.1.8): a server must take at least 100 recipients per mail.
  maxRecipients: 100,
  maxConnections: 50,
  receivingBytes: 32 * 1024 * 1024,
  keptBytes: 64 * 1024 * 1024,
  keptMails: 500,
};

/** The limits with defaults filled in; throws `PlatformOptionError` for one the sink cannot work with. */
export function resolveMailLimits(given: Partial<MailLimits> = {}): MailLimits {
  const limits: MailLimits = { ...DEFAULT_MAIL_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!(Number.isInteger(value) && value > 0)) throw new PlatformOptionError(`mailLimits.${name} must be a positive whole number, got ${value}.`);
  }
  // Otherwise a mail the sink accepted could never be received or kept.
  if (limits.maxBytes > limits.receivingBytes || limits.maxBytes > limits.keptBytes) {
    throw new PlatformOptionError(`mailLimits.maxBytes (${limits.maxBytes}) must not exceed receivingBytes (${limits.receivingBytes}) or keptBytes (${limits.keptBytes}).`);
  }
  return limits;
}
