import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerEnvelope, type SMTPServerSession } from 'smtp-server';
import { PlatformStartError } from '../errors.js';
import { makeRoom, ReceivingBudget } from './budget.js';
import type { MailInbox } from './inbox.js';
import { DEFAULT_MAIL_LIMITS, resolveMailLimits, type MailLimits } from './limits.js';
import { mailLogLine } from './log-line.js';
import type { ReceivedMail } from './received-mail.js';

export type { ReceivedMail } from './received-mail.js';

const HOST = '127.0.0.1';
/** Larger messages (envelope included) are refused with 552 (SMTP's "exceeded storage allocation"). */
export const DEFAULT_MAIL_MAX_BYTES = DEFAULT_MAIL_LIMITS.maxBytes;

export interface MailSinkOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly limits?: Partial<MailLimits>;
  /** Where the mails are kept: the platform's database, in memory or in its data file. */
  readonly inbox: MailInbox;
  /** One line per received mail (ids, addresses, subject, size: never the body, which carries tokens). */
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

/** The bytes of the `MAIL FROM` and `RCPT TO` commands: a mail's size counts them, as its recipients cost memory too. */
function envelopeBytes(envelope: SMTPServerEnvelope): number {
  const from = envelope.mailFrom === false ? '' : envelope.mailFrom.address;
  return envelope.rcptTo.reduce((sum, recipient) => sum + Buffer.byteLength(`RCPT TO:<${recipient.address}>\r\n`), Buffer.byteLength(`MAIL FROM:<${from}>\r\n`));
}

/** An error smtp-server answers with this code (and the message after it). */
function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A local SMTP server that accepts every mail and keeps it in memory, so bundles can send mail offline
 * (registration, order confirmation) and tests read what was sent. Any AUTH credentials are accepted and
 * never recorded; there is no TLS (loopback only), so STARTTLS is not offered. Every cap of `MailLimits`
 * holds whatever a client sends, so a flood of mail cannot take the platform down with it.
 */
export class MailSink {
  private readonly server: SMTPServer;
  private listeningPort = 0;
  readonly limits: MailLimits;
  private readonly receiving: ReceivingBudget;
  // One mail is parsed at a time: mailparser holds several copies of a message while it works.
  private parsing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: MailSinkOptions) {
    this.limits = resolveMailLimits(options.limits);
    this.receiving = new ReceivingBudget(this.limits.receivingBytes);
    this.server = new SMTPServer({
      logger: false,
      banner: 'local mail sink of the embedded commercetools platform',
      size: this.limits.maxBytes,
      maxRecipients: this.limits.maxRecipients,
      maxClients: this.limits.maxConnections,
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

  /** Kept mails and their bytes, and the bytes of mails being received now. */
  usage(): { readonly mails: number; readonly keptBytes: number; readonly receivingBytes: number } {
    return { mails: this.options.inbox.count, keptBytes: this.options.inbox.bytes, receivingBytes: this.receiving.used };
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
    const envelope = envelopeBytes(session.envelope);
    const chunks: Buffer[] = [];
    let received = 0;
    let reserved = 0;
    let refusal: Error | undefined;
    const refuse = (reply: Error): void => {
      refusal = reply;
      chunks.length = 0;
      this.receiving.release(reserved);
      reserved = 0;
    };
    try {
      // Past a limit the rest is read and dropped: the client gets its reply only after its final dot.
      for await (const chunk of stream) {
        const bytes = (chunk as Buffer).length;
        received += bytes;
        if (refusal !== undefined) continue;
        if (envelope + received > this.limits.maxBytes) {
          refuse(smtpReply(552, `5.3.4 Message exceeds the mail sink's limit of ${this.limits.maxBytes} bytes, envelope included (mailLimits.maxBytes)`));
        } else if (!this.receiving.tryReserve(bytes)) {
          refuse(smtpReply(452, `4.3.1 The mail sink is receiving ${this.limits.receivingBytes} bytes at once already; try again later (mailLimits.receivingBytes)`));
        } else {
          reserved += bytes;
          chunks.push(chunk as Buffer);
        }
      }
      if (refusal !== undefined) throw refusal;
      // The chunks go to the parser as they are: one copy of a 10 MiB mail fewer than a Buffer.concat.
      const turn = this.parsing.then(() => this.keep(Readable.from(chunks), session, envelope + received));
      this.parsing = turn.catch(() => undefined);
      await turn;
    } finally {
      this.receiving.release(reserved);
    }
  }

  private async keep(raw: Readable, session: SMTPServerSession, sizeBytes: number): Promise<void> {
    // textAsHtml and image links are never shown: not building them saves a copy of every body.
    const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
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
      sizeBytes,
    };
    const dropped = makeRoom(this.options.inbox, this.limits, mail.sizeBytes);
    this.options.inbox.add(mail);
    this.options.log?.(`${mailLogLine(mail)}${dropped > 0 ? `; dropped the ${dropped} oldest to stay within mailLimits.keptBytes/keptMails` : ''}`);
  }
}
