import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { StoreStopRequestedError } from './stopRequested.js';

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

/** A port variable that is not a port number. */
export class InvalidPortError extends Error {
  readonly code = 'PORT_INVALID';
  override readonly name = 'InvalidPortError';
  constructor(variable: string, value: string) {
    super(`${variable}=${JSON.stringify(value)} is not a port: give a whole number from 0 to 65535 (0 picks a free port), or leave it unset for the default.`);
  }
}

/** What a port is for, so a busy one is named in the error. */
export interface PortClaim {
  readonly port: number;
  readonly part: string;
  /** The environment variable that chooses it. */
  readonly variable: string;
}

export interface PortHold {
  readonly port: number;
  /**
   * Frees the port for the part that is about to listen on it. Every connection the holder still has
   * is cut at once: a client that connected early never delays the start.
   */
  release(): Promise<void>;
  /**
   * Gives the listening socket to the part that will serve on it (`give` sends it to that process and
   * resolves once it serves), then stops answering here: the port is never closed in between.
   */
  handOver(give: (server: Server) => Promise<void>): Promise<void>;
}

const IDLE_CONNECTION_MS = 1_000;

/** How a holder answers whoever connects while it holds the port. */
export type HolderAnswer = { readonly kind: 'http'; readonly listener: RequestListener } | { readonly kind: 'tcp'; readonly greet: (socket: Socket) => void };

/**
 * Holds `claim.port` on 127.0.0.1 (a free one for 0) until `release()`, answering every client at once
 * (HTTP clients with `answer`'s response, sent with `Connection: close`), so nothing else can take the
 * port while the store builds and starts its other parts. Rejects with PortBusyError when it is taken.
 */
export function holdPort(claim: PortClaim, answer: HolderAnswer): Promise<PortHold> {
  const sockets = new Set<Socket>();
  let server: Server;
  if (answer.kind === 'http') {
    const http = createHttpServer((request, response) => {
      response.shouldKeepAlive = false;
      answer.listener(request, response);
    });
    server = http;
  } else {
    server = createNetServer((socket) => {
      socket.on('error', () => undefined);
      answer.greet(socket);
    });
  }
  server.on('connection', (socket: Socket) => {
    // A client that connects and says nothing is cut after a second, not kept until the release.
    socket.setTimeout(IDLE_CONNECTION_MS, () => socket.destroy());
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortBusyError(claim.port, claim.part, claim.variable) : error);
    });
    server.listen(claim.port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : claim.port;
      let released: Promise<void> | undefined;
      const release = (): Promise<void> => {
        released ??= new Promise<void>((done) => {
          server.close(() => done());
          for (const socket of sockets) socket.destroy();
        });
        return released;
      };
      resolve({
        port: chosen,
        release,
        handOver: async (give) => {
          // The other process listens on its own copy of the socket: closing ours leaves the port open.
          await give(server);
          await release();
        },
      });
    });
  });
}

/** True when nothing listens on `port` of 127.0.0.1 (checked by listening on it for a moment). */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await (await holdPort({ port, part: 'probe', variable: 'none' }, { kind: 'tcp', greet: (socket) => socket.destroy() })).release();
    return true;
  } catch {
    return false;
  }
}

/** `count` different free ports of 127.0.0.1, all held at once while they are picked so none comes twice. */
export async function freePorts(count: number): Promise<number[]> {
  const holds = await Promise.all(Array.from({ length: count }, () => holdPort({ port: 0, part: 'probe', variable: 'none' }, { kind: 'tcp', greet: (socket) => socket.destroy() })));
  await Promise.all(holds.map((held) => held.release()));
  return holds.map((held) => held.port);
}

/**
 * A part failed to start right after its port was released: when one of `claims` is taken now (someone
 * took it in that moment), that is the error to show, as the same PortBusyError the first check gives.
 */
export async function explainStartFailure(error: unknown, claims: readonly PortClaim[]): Promise<unknown> {
  if (error instanceof StoreStopRequestedError) return error;
  for (const claim of claims) {
    if (claim.port !== 0 && !(await isPortFree(claim.port))) return new PortBusyError(claim.port, claim.part, claim.variable);
  }
  return error;
}
