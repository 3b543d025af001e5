import { connect, type Socket } from 'node:net';

/** A raw TCP client: what a slow or greedy client does, byte by byte. */
export interface RawSocket {
  readonly socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves when the server (or anyone) closes the socket. */
  readonly closed: Promise<void>;
  write(text: string): void;
  destroy(): void;
}

export async function openRawSocket(url: string): Promise<RawSocket> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => received, closed, write: (text) => void socket.write(text), destroy: () => void socket.destroy() };
}
