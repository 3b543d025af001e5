import { connect, type Socket } from 'node:net';

/** One SMTP connection driven by hand, for what a real client never does (floods, half-sent mails). */
export class SmtpSession {
  readonly #socket: Socket;
  #buffer = '';
  #waiting: ((lines: string[]) => void) | undefined;
  #closed = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer += chunk.toString('utf8');
      this.#deliver();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#closed = true;
      this.#deliver();
    });
  }

  /** Connects and resolves with the server's first reply (its greeting, or a refusal). */
  static async open(port: number): Promise<{ session: SmtpSession; greeting: string[] }> {
    const session = new SmtpSession(connect(port, '127.0.0.1'));
    return { session, greeting: await session.reply() };
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends one command line and resolves with the reply lines. */
  send(line: string): Promise<string[]> {
    const reply = this.reply();
    this.#socket.write(`${line}\r\n`);
    return reply;
  }

  /** Sends raw bytes that get no reply of their own (the lines of a message after DATA). */
  write(data: string | Buffer): void {
    this.#socket.write(data);
  }

  /** The next complete reply: up to a line whose code is followed by a space (not a dash), or what came before the close. */
  reply(): Promise<string[]> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.#deliver();
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #deliver(): void {
    if (this.#waiting === undefined) return;
    const lines = this.#buffer.split('\r\n');
    const end = lines.findIndex((line) => /^\d{3} /.test(line));
    if (end === -1 && !this.#closed) return;
    const taken = end === -1 ? lines.filter((line) => line !== '') : lines.slice(0, end + 1);
    this.#buffer = end === -1 ? '' : lines.slice(end + 1).join('\r\n');
    const resolve = this.#waiting;
    this.#waiting = undefined;
    resolve(taken);
  }
}

/** Talks SMTP by hand: sends each line, returns every reply line the server sent. */
export async function rawSmtp(port: number, lines: readonly string[]): Promise<string[]> {
  const { session, greeting } = await SmtpSession.open(port);
  try {
    const replies = [...greeting];
    for (const line of lines) replies.push(...(await session.send(line)));
    return replies;
  } finally {
    session.close();
  }
}

/** The reply code of a reply's last line. */
export const codeOf = (reply: readonly string[]): number => Number(reply.at(-1)?.slice(0, 3));
