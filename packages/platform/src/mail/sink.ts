import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { PlatformStartError } from '../errors.js';
import type { MailInbox } from './inbox.js';

const HOST = '127.0.0.1';
/** Larger messages are refused with 552 (SMTP's "exceeded storage allocation"). */
export const DEFAULT_MAIL_MAX_BYTES = 10 * 1024 * 1024;
/** The oldest mails are dropped beyond this many, so a long run's memory and data file stay flat. */
export const DEFAULT_MAIL_KEPT = 500;

/** One received mail, as `GET /__platform/mail` lists it. */
export interface ReceivedMail {
  readonly id: string;
  /** The `From` header as text, else the envelope sender. */
  readonly from: string;
  /** Every recipient of the envelope (To, Cc and Bcc alike). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
  /** The `Date` header, else the time it arrived (ISO 8601). */
  readonly date: string;
  readonly receivedAt: string;
  readonly messageId: string | null;
  readonly sizeBytes: number;
}

export interface MailSinkOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly maxBytes?: number;
  /** Where the mails are kept (the platform's database, keeping the newest DEFAULT_MAIL_KEPT). */
  readonly inbox: MailInbox;
  /** One line per received mail (ids, addresses, subject, size: never the body, which carries tokens). */
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

/**
 * A local SMTP server that accepts every mail and keeps it in its inbox, so bundles can send mail offline
 * (registration, order confirmation) and tests read what was sent. Any AUTH credentials are accepted and
 * never recorded; there is no TLS (loopback only), so STARTTLS is not offered.
 */
export class MailSink {
  private readonly server: SMTPServer;
  private listeningPort = 0;
  private readonly maxBytes: number;

  private constructor(private readonly options: MailSinkOptions) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAIL_MAX_BYTES;
    this.server = new SMTPServer({
      logger: false,
      banner: 'local mail sink of the embedded commercetools platform',
      size: this.maxBytes,
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      // A client left connected must not hold up the platform's close() for smtp-server's default 30 s.
      closeTimeout: 500,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'local' }),
      onData: (stream, session, callback) => void this.receive(stream, session).then(() => callback(), callback),
    });
    // A client's protocol error only ends its own connection; the sink keeps serving.
    this.server.on('error', () => undefined);
  }

  static async start(options: MailSinkOptions): Promise<MailSink> {
    const sink = new MailSink(options);
    await sink.listen();
    return sink;
  }

  get host(): string {
    return HOST;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** Every kept mail, oldest first; `to` keeps those addressed to that recipient (case-insensitive). */
  list(to?: string): ReceivedMail[] {
    return this.options.inbox.list(to);
  }

  get(id: string): ReceivedMail | undefined {
    return this.options.inbox.get(id);
  }

  clear(): void {
    this.options.inbox.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error) =>
        reject(new PlatformStartError(`The mail sink cannot listen on ${HOST}:${this.options.port}: ${error.message}. Choose another port (PLATFORM_SMTP_PORT).`));
      const net = this.server.listen(this.options.port, HOST, () => {
        net.off('error', failed);
        this.listeningPort = (net.address() as AddressInfo).port;
        resolve();
      });
      net.once('error', failed);
    });
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    // Past the limit the rest is read and dropped: the client gets its 552 only after its final dot.
    for await (const chunk of stream) if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw Object.assign(new Error(`Message exceeds the mail sink's limit of ${this.maxBytes} bytes`), { responseCode: 552 });
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const receivedAt = new Date((this.options.now ?? Date.now)()).toISOString();
    const envelopeFrom = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
    const mail: ReceivedMail = {
      id: randomUUID(),
      from: parsed.from?.text || envelopeFrom,
      to: session.envelope.rcptTo.map((recipient) => recipient.address),
      subject: parsed.subject ?? '',
      text: parsed.text ?? null,
      html: typeof parsed.html === 'string' ? parsed.html : null,
      date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : receivedAt,
      receivedAt,
      messageId: parsed.messageId ?? null,
      sizeBytes: raw.length,
    };
    this.options.inbox.add(mail);
    const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, ' ');
    this.options.log?.(`mail ${mail.id} from ${printable(mail.from)} to ${printable(mail.to.join(', '))} "${printable(mail.subject)}" (${mail.sizeBytes} bytes)`);
  }
}
