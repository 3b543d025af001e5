import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { PlatformOptionError, PlatformStartError, startPlatform, type Platform, type ReceivedMail } from '../src/index.js';
import { rawSmtp } from './support/smtp.js';

/** A transport as a launchpad-style bundle builds it: host, port, `secure` only on 465, and credentials. */
const transportTo = (platform: Platform) =>
  nodemailer.createTransport({ host: platform.smtp.host, port: platform.smtp.port, secure: false, auth: { user: 'shop-mailer', pass: 'smtp-secret-value' } });

async function inbox(platform: Platform, query = ''): Promise<{ count: number; results: ReceivedMail[] }> {
  const response = await fetch(`${platform.mailUrl}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { count: number; results: ReceivedMail[] };
}

describe('the mail sink', () => {
  let platform: Platform;
  const logged: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: false, mailMaxBytes: 64 * 1024, onMail: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('starts on a free loopback port with the platform and takes mail from a real SMTP client', async () => {
    expect(platform.smtp.host).toBe('127.0.0.1');
    expect(platform.smtp.port).toBeGreaterThan(0);
    expect(platform.smtp.port).not.toBe(platform.port);
    const transport = transportTo(platform);
    const sent = await transport.sendMail({
      from: 'Shop <shop@example.com>',
      to: 'new.customer@example.com',
      subject: 'Account Verification',
      html: '<h1>Thanks for your registration!</h1><a href="https://shop.example/verify?token=abc123">verify</a>',
    });
    transport.close();
    expect(sent.rejected).toEqual([]);

    const { count, results } = await inbox(platform);
    expect(count).toBe(1);
    const [mail] = results;
    expect(mail).toMatchObject({ from: '"Shop" <shop@example.com>', to: ['new.customer@example.com'], subject: 'Account Verification' });
    expect(mail?.html).toContain('verify?token=abc123');
    expect(Date.parse(mail?.date ?? '')).not.toBeNaN();
    expect(mail?.sizeBytes).toBeGreaterThan(0);

    const one = await fetch(`${platform.mailUrl}/${mail?.id}`);
    expect(((await one.json()) as ReceivedMail).id).toBe(mail?.id);
  });

  it('logs one line per mail, without its body or the SMTP credentials', async () => {
    const line = logged.find((entry) => entry.includes('Account Verification'));
    expect(line).toMatch(/^mail \S+ from "Shop" <shop@example.com> to new.customer@example.com "Account Verification" \(\d+ bytes\)$/);
    expect(logged.join('\n')).not.toContain('abc123');
    expect(logged.join('\n')).not.toContain('smtp-secret-value');
  });

  it('keeps text mails, several recipients, and filters the inbox by recipient', async () => {
    const transport = transportTo(platform);
    await transport.sendMail({ from: 'orders@example.com', to: ['a@example.com', 'B@Example.com'], subject: 'Your order', text: 'Order 2030-1 is confirmed.' });
    transport.close();
    const forB = await inbox(platform, '?to=b@example.com');
    expect(forB.results.map((mail) => mail.subject)).toEqual(['Your order']);
    expect(forB.results[0]?.text).toContain('Order 2030-1');
    expect(forB.results[0]?.html).toBeNull();
    expect((await inbox(platform, '?to=nobody@example.com')).count).toBe(0);
  });

  it('accepts mail without authentication too', async () => {
    const transport = nodemailer.createTransport({ host: platform.smtp.host, port: platform.smtp.port, secure: false });
    await transport.sendMail({ from: 'anon@example.com', to: 'c@example.com', subject: 'No auth', text: 'hello' });
    transport.close();
    expect((await inbox(platform, '?to=c@example.com')).count).toBe(1);
  });

  it('refuses a mail over the size limit with 552 and keeps nothing of it', async () => {
    const before = (await inbox(platform)).count;
    const transport = transportTo(platform);
    const failure = await transport
      .sendMail({ from: 'big@example.com', to: 'd@example.com', subject: 'Too big', text: 'x'.repeat(200 * 1024) })
      .then(() => undefined, (error: { responseCode?: number }) => error);
    transport.close();
    expect(failure?.responseCode).toBe(552);
    expect((await inbox(platform)).count).toBe(before);
  });

  it('answers malformed SMTP with 5xx and keeps serving', async () => {
    const replies = await rawSmtp(platform.smtp.port, ['HELLO THERE', 'EHLO test.local', 'RCPT TO:<e@example.com>', 'DATA', 'MAIL FROM:<not an address', 'QUIT']);
    const codes = replies.map((line) => Number(line.slice(0, 3)));
    expect(codes[0]).toBe(220);
    expect(codes[1]).toBeGreaterThanOrEqual(500);
    expect(codes).toContain(250);
    // RCPT before MAIL and DATA before RCPT are refused, and so is a broken address.
    expect(codes.filter((code) => code >= 500).length).toBeGreaterThanOrEqual(4);
    const transport = transportTo(platform);
    await transport.sendMail({ from: 'after@example.com', to: 'f@example.com', subject: 'Still here', text: 'ok' });
    transport.close();
    expect((await inbox(platform, '?to=f@example.com')).count).toBe(1);
  });

  it('answers a mail id that is not valid percent-encoding with 400, never 500', async () => {
    for (const id of ['%E0%A4%A', '%', '%ZZ', '%C0%80']) {
      const answer = await fetch(`${platform.mailUrl}/${id}`);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('InvalidInput');
    }
    expect((await fetch(`${platform.mailUrl}/%41%42`)).status).toBe(404);
  });

  it('empties the inbox with DELETE; an unknown mail id is 404', async () => {
    const cleared = await fetch(platform.mailUrl, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect((await inbox(platform)).count).toBe(0);
    const missing = await fetch(`${platform.mailUrl}/no-such-mail`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('ResourceNotFound');
  });
});

describe('starting the mail sink', () => {
  it('a busy SMTP port is a PlatformStartError naming PLATFORM_SMTP_PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failure = await startPlatform({ port: 0, smtpPort: port, seed: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PlatformStartError);
      expect((failure as Error).message).toContain('PLATFORM_SMTP_PORT');
      expect((failure as Error).message).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it('refuses an SMTP port or size limit it cannot use', async () => {
    await expect(startPlatform({ smtpPort: 70_000 })).rejects.toThrow(PlatformOptionError);
    await expect(startPlatform({ mailMaxBytes: 0 })).rejects.toThrow(PlatformOptionError);
  });

  it('closing the platform closes the mail sink', async () => {
    const platform = await startPlatform({ port: 0, seed: false, onMail: () => undefined });
    const { port } = platform.smtp;
    await platform.close();
    await expect(
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket.destroy()));
        socket.once('error', reject);
      }),
    ).rejects.toThrow();
  });
});
