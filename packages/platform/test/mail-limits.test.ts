import { afterEach, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { makeRoom, ReceivingBudget } from '../src/mail/budget.js';
import { openPlatformDatabase } from '../src/storage/platform-database.js';
import { MailInbox } from '../src/mail/inbox.js';
import { mailLogLine } from '../src/mail/log-line.js';
import type { ReceivedMail } from '../src/mail/received-mail.js';
import { DEFAULT_MAIL_LIMITS, PlatformOptionError, startPlatform, type MailLimits, type Platform } from '../src/index.js';
import { codeOf, SmtpSession } from './support/smtp.js';

let platform: Platform | undefined;
const logged: string[] = [];
afterEach(async () => {
  await platform?.close();
  platform = undefined;
  logged.length = 0;
});

async function sinkWith(limits: Partial<MailLimits>): Promise<Platform> {
  platform = await startPlatform({ port: 0, seed: false, mailLimits: limits, onMail: (line) => logged.push(line) });
  return platform;
}

/** One mail over a hand-driven session, up to the reply to its final dot. */
async function sendRaw(session: SmtpSession, from: string, to: readonly string[], message: string): Promise<{ rcpt: number[]; data: number }> {
  expect(codeOf(await session.send('EHLO test.local'))).toBe(250);
  expect(codeOf(await session.send(`MAIL FROM:<${from}>`))).toBe(250);
  const rcpt: number[] = [];
  for (const address of to) rcpt.push(codeOf(await session.send(`RCPT TO:<${address}>`)));
  const ready = codeOf(await session.send('DATA'));
  if (ready !== 354) return { rcpt, data: ready };
  return { rcpt, data: codeOf(await session.send(`${message}\r\n.`)) };
}

const message = (subject: string, body: string) => `From: sender@example.com\r\nSubject: ${subject}\r\n\r\n${body}`;

async function inboxOf(running: Platform): Promise<ReceivedMail[]> {
  return ((await (await fetch(running.mailUrl)).json()) as { results: ReceivedMail[] }).results;
}

describe('mail sink limits', () => {
  it('takes at most maxRecipients recipients per mail: the next RCPT TO is answered 452, the mail goes to those accepted', async () => {
    const running = await sinkWith({ maxRecipients: 3 });
    const { session } = await SmtpSession.open(running.smtp.port);
    try {
      const to = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'];
      const sent = await sendRaw(session, 'shop@example.com', to, message('Many', 'hello'));
      expect(sent).toEqual({ rcpt: [250, 250, 250, 452, 452], data: 250 });
    } finally {
      session.close();
    }
    expect((await inboxOf(running)).map((mail) => mail.to)).toEqual([['a@example.com', 'b@example.com', 'c@example.com']]);
  });

  it('counts the envelope in a mail\'s size: a body under maxBytes with enough recipients is refused with 552, and nothing is kept', async () => {
    const running = await sinkWith({ maxBytes: 4096, maxRecipients: 100 });
    const body = 'x'.repeat(3000);
    const few = await SmtpSession.open(running.smtp.port);
    const many = await SmtpSession.open(running.smtp.port);
    try {
      expect((await sendRaw(few.session, 'shop@example.com', ['one@example.com'], message('Fits', body))).data).toBe(250);
      const recipients = Array.from({ length: 40 }, (_, i) => `recipient-number-${i}@example.com`);
      const refused = await sendRaw(many.session, 'shop@example.com', recipients, message('Envelope too big', body));
      expect(refused.data).toBe(552);
    } finally {
      few.session.close();
      many.session.close();
    }
    const kept = await inboxOf(running);
    expect(kept.map((mail) => mail.subject)).toEqual(['Fits']);
    // The size reported is the one the limit counts: message plus MAIL FROM and RCPT TO.
    expect(kept[0]?.sizeBytes).toBe(Buffer.byteLength(`${message('Fits', body)}\r\n`) + Buffer.byteLength('MAIL FROM:<shop@example.com>\r\nRCPT TO:<one@example.com>\r\n'));
  });

  it('keeps at most keptBytes of mail: the oldest go first, and the log line says so', async () => {
    const running = await sinkWith({ maxBytes: 2048, receivingBytes: 4096, keptBytes: 5000 });
    const { session } = await SmtpSession.open(running.smtp.port);
    try {
      for (let i = 1; i <= 5; i += 1) {
        expect((await sendRaw(session, 'shop@example.com', [`r${i}@example.com`], message(`Mail ${i}`, 'y'.repeat(1500)))).data).toBe(250);
        expect(codeOf(await session.send('RSET'))).toBe(250);
      }
    } finally {
      session.close();
    }
    const kept = await inboxOf(running);
    expect(kept.map((mail) => mail.subject)).toEqual(['Mail 3', 'Mail 4', 'Mail 5']);
    expect(kept.reduce((sum, mail) => sum + mail.sizeBytes, 0)).toBeLessThanOrEqual(5000);
    expect(running.mail.usage()).toMatchObject({ mails: 3, receivingBytes: 0 });
    expect(logged.filter((line) => line.includes('dropped the 1 oldest'))).toHaveLength(2);
  });

  it('shares receivingBytes between mails arriving at once: one that does not fit is answered 452 (try later), the others are kept', async () => {
    const running = await sinkWith({ maxBytes: 3000, receivingBytes: 5000 });
    const first = await SmtpSession.open(running.smtp.port);
    const second = await SmtpSession.open(running.smtp.port);
    try {
      for (const { session } of [first, second]) {
        await session.send('EHLO test.local');
        await session.send('MAIL FROM:<shop@example.com>');
        await session.send('RCPT TO:<a@example.com>');
        expect(codeOf(await session.send('DATA'))).toBe(354);
      }
      // The first mail's body is in; it is not finished, so its bytes stay reserved.
      first.session.write(`${message('First', 'f'.repeat(2800))}\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(running.mail.usage().receivingBytes).toBeGreaterThan(2000);
      expect(codeOf(await second.session.send(`${message('Second', 's'.repeat(2800))}\r\n.`))).toBe(452);
      expect(codeOf(await first.session.send('.'))).toBe(250);
    } finally {
      first.session.close();
      second.session.close();
    }
    expect((await inboxOf(running)).map((mail) => mail.subject)).toEqual(['First']);
    expect(running.mail.usage().receivingBytes).toBe(0);
  });

  it('takes at most maxConnections connections: one more is answered 421 and closed, while the HTTP API keeps answering', async () => {
    const running = await sinkWith({ maxConnections: 3 });
    const open = await Promise.all([1, 2, 3].map(() => SmtpSession.open(running.smtp.port)));
    try {
      for (const { greeting } of open) expect(codeOf(greeting)).toBe(220);
      const extra = await SmtpSession.open(running.smtp.port);
      expect(codeOf(extra.greeting)).toBe(421);
      expect(extra.greeting.join(' ')).toMatch(/Too many connected clients/);
      await extra.session.reply();
      expect(extra.session.closed).toBe(true);
      expect((await fetch(`${running.url}/__platform/health`)).status).toBe(200);
      // A freed connection is taken again.
      open.pop()?.session.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await SmtpSession.open(running.smtp.port);
      expect(codeOf(again.greeting)).toBe(220);
      again.session.close();
    } finally {
      for (const { session } of open) session.close();
    }
  });

  it('a real client gets the 452 for the extra recipients and delivers to the rest', async () => {
    const running = await sinkWith({ maxRecipients: 2 });
    const transport = nodemailer.createTransport({ host: running.smtp.host, port: running.smtp.port, secure: false });
    const sent = await transport.sendMail({ from: 'shop@example.com', to: ['a@example.com', 'b@example.com', 'c@example.com'], subject: 'Three', text: 'hi' });
    transport.close();
    expect(sent.accepted).toEqual(['a@example.com', 'b@example.com']);
    expect(sent.rejected).toEqual(['c@example.com']);
  });

  it('refuses limits it cannot work with, naming them', async () => {
    await expect(startPlatform({ mailLimits: { maxRecipients: 0 } })).rejects.toThrow(/mailLimits.maxRecipients must be a positive whole number/);
    await expect(startPlatform({ mailLimits: { maxConnections: 1.5 } })).rejects.toThrow(PlatformOptionError);
    await expect(startPlatform({ mailLimits: { maxBytes: 2000, keptBytes: 1000 } })).rejects.toThrow(/must not exceed receivingBytes .* or keptBytes/);
    await expect(startPlatform({ mailMaxBytes: 64 * 1024 * 1024 })).rejects.toThrow(/mailLimits.maxBytes/);
  });
});

describe('the kept-mail budget', () => {
  const mail = (id: string, sizeBytes: number): ReceivedMail => ({ id, from: '', to: [], subject: '', text: null, html: null, date: '', receivedAt: '', messageId: null, sizeBytes });

  it('drops the oldest mails until the new one fits the bytes and the count', () => {
    const inbox = new MailInbox(openPlatformDatabase(undefined));
    for (const [id, size] of [['a', 400], ['b', 300], ['c', 200]] as const) inbox.add(mail(id, size));
    expect(makeRoom(inbox, { keptBytes: 1000, keptMails: 10 }, 100)).toBe(0);
    expect(makeRoom(inbox, { keptBytes: 1000, keptMails: 10 }, 500)).toBe(1);
    expect(inbox.list().map((kept) => kept.id)).toEqual(['b', 'c']);
    expect(makeRoom(inbox, { keptBytes: 1000, keptMails: 2 }, 1)).toBe(1);
    expect(inbox.list().map((kept) => kept.id)).toEqual(['c']);
    expect(inbox.bytes).toBe(200);
    expect(makeRoom(inbox, { keptBytes: 100, keptMails: 10 }, 100)).toBe(1);
    expect(inbox.count).toBe(0);
  });

  it('reserves receiving bytes up to its limit and gives them back', () => {
    const budget = new ReceivingBudget(100);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.tryReserve(50)).toBe(false);
    expect(budget.tryReserve(40)).toBe(true);
    budget.release(60);
    expect(budget.used).toBe(40);
    budget.release(1000);
    expect(budget.used).toBe(0);
  });

  it('has documented defaults: 10 MiB per mail, 100 recipients, 50 connections, 32 MiB receiving, 64 MiB and 500 mails kept', () => {
    expect(DEFAULT_MAIL_LIMITS).toEqual({ maxBytes: 10 * 1024 * 1024, maxRecipients: 100, maxConnections: 50, receivingBytes: 32 * 1024 * 1024, keptBytes: 64 * 1024 * 1024, keptMails: 500 });
  });
});

describe('the mail log line', () => {
  const received = (from: string, subject: string, to: readonly string[] = ['a@example.com']): ReceivedMail => ({ id: 'm-1', from, to, subject, text: 'secret body', html: null, date: '', receivedAt: '', messageId: null, sizeBytes: 10 });

  it('strips C0 and C1 controls, bidi overrides and line separators from From and Subject', () => {
    const line = mailLogLine(received('Eve \u009b31m <eve@example.com>\u202e', 'Reset\u001b[2J your \u2066password\u2069\u2028now\r\n\u200bplease'));
    expect(line).toBe('mail m-1 from Eve  31m <eve@example.com>  to a@example.com "Reset [2J your  password now please" (10 bytes)');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/);
  });

  it('stays short for long fields and many recipients, and never shows the body', () => {
    const to = Array.from({ length: 100 }, (_, i) => `r${i}@example.com`);
    const line = mailLogLine(received('x'.repeat(100_000), 'y'.repeat(100_000), to));
    expect(line.length).toBeLessThan(600);
    expect(line).toContain('r4@example.com and 95 more');
    expect(line).not.toContain('secret body');
  });
});
