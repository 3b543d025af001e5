import { createServer } from 'node:net';

/** A port we were told to use is taken: say which, and by what part of the store. */
export class PortBusyError extends Error {
  readonly code = 'PORT_BUSY';
  override readonly name = 'PortBusyError';
  constructor(
    readonly port: number,
    readonly part: string,
    variable: string,
  ) {
    super(`Port ${port} (${part}) is already in use on 127.0.0.1. Stop whatever uses it, or choose another port with ${variable}.`);
  }
}

export interface PortReservation {
  readonly port: number;
  /** Frees the port for the server that is about to listen on it. */
  release(): Promise<void>;
}

/**
 * Holds `port` on 127.0.0.1 (a free one for 0) until `release()`, so nothing else can take it while the
 * store starts its other parts; rejects with PortBusyError when it is taken.
 */
export function reservePort(port: number, part: string, variable: string): Promise<PortReservation> {
  return new Promise((resolve, reject) => {
    const holder = createServer();
    holder.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortBusyError(port, part, variable) : error);
    });
    holder.listen(port, '127.0.0.1', () => {
      const address = holder.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      resolve({ port: chosen, release: () => new Promise((done) => holder.close(() => done())) });
    });
  });
}
