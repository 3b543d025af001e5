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

/** Resolves with `port` if it is free on 127.0.0.1 (or with a free port for 0); rejects with PortBusyError. */
export function claimPort(port: number, part: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortBusyError(port, part, variable) : error);
    });
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}
