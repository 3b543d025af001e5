import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatch } from '../app.js';
import type { RequestCounters } from '../counters.js';
import { apiError, CommercetoolsHttpError, PlatformStartError } from '../errors.js';
import type { FaultInjector } from '../faults.js';
import { handleInternal, INTERNAL_PREFIX, type InternalParts } from '../internal/routes.js';
import { createHostCheck, shownHost } from './host-check.js';
import type { PlatformRequest, PlatformResponse } from './types.js';

// commercetools' own limit on request bodies.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HOST = '127.0.0.1';

/** Timeouts and the connection cap of the platform's port. */
export interface HttpLimits {
  /** Until a request's headers are complete. */
  readonly headersTimeoutMs: number;
  /** Until the whole request has arrived (a 16 MB body included); a slow body gets a 408. */
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
}

// Node's defaults (60 s, 300 s, unlimited sockets) let slow clients hold a port for minutes.
export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

export interface HttpServerParts extends InternalParts {
  readonly dispatch: Dispatch;
  readonly counters: RequestCounters;
  readonly faults: FaultInjector;
  readonly onError: (error: unknown) => void;
  readonly limits?: HttpLimits;
  /** Hosts answered besides 127.0.0.1:<port> and localhost:<port> (see `createHostCheck`). */
  readonly allowedHosts?: readonly string[];
}

/** The platform's HTTP front: internal paths, counters, faults, then the dispatcher. Loopback only. */
export class PlatformHttpServer {
  private readonly server: Server;
  private port = 0;
  private closed = false;
  private refusing = false;
  // Known once the port is: nothing is served before that.
  private ownHost: (host: string | undefined) => boolean = () => false;

  constructor(private readonly parts: HttpServerParts) {
    const limits = parts.limits ?? DEFAULT_HTTP_LIMITS;
    // Node looks at the two request timeouts only every connectionsCheckingInterval (30 s by default).
    const checkEveryMs = Math.min(1_000, Math.max(25, Math.floor(limits.headersTimeoutMs / 4)));
    this.server = createServer({ connectionsCheckingInterval: checkEveryMs }, (req, res) => void this.handle(req, res).catch(parts.onError));
    Object.assign(this.server, {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxConnections: limits.maxConnections,
    });
    parts.faults.onChange((settings) => this.setRefusing(settings.refuseConnections));
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(new PlatformStartError(`Cannot listen on ${HOST}:${port}: ${error.message}. Choose another port (PLATFORM_PORT).`));
      this.server.once('error', onError);
      this.server.listen(port, HOST, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.ownHost = createHostCheck(this.port, this.parts.allowedHosts);
    return this.port;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // Refusing closes the listening socket (new clients get ECONNREFUSED) and idle keep-alive sockets;
  // a request still arriving on an open socket is cut without an answer. Answers already under way finish,
  // so the call that switched refusing on still gets its reply.
  private setRefusing(refuse: boolean): void {
    this.refusing = refuse;
    if (this.closed || this.port === 0) return;
    if (refuse && this.server.listening) {
      this.server.close();
      this.server.closeIdleConnections();
    } else if (!refuse && !this.server.listening) {
      this.server.listen(this.port, HOST);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.refusing) {
      req.socket.destroy();
      return;
    }
    if (!this.ownHost(req.headers.host)) {
      req.resume();
      const message = `The local platform answers requests for its own addresses (127.0.0.1:${this.port}, localhost:${this.port}) and the hosts in PLATFORM_ALLOWED_HOSTS (the allowedHosts option) only, not for Host ${shownHost(req.headers.host)}: a web page can reach local servers through a name it controls, and the mail inbox holds verification and reset tokens. If you reach the platform through that name, add it to PLATFORM_ALLOWED_HOSTS.`;
      send(res, { status: 403, body: apiError(403, 'HostNotAllowed', message).body });
      return;
    }
    try {
      const request = await readRequest(req);
      const response = await this.respond(request);
      if (response) send(res, response);
    } catch (error) {
      // A client that hung up (or a socket cut by refuseConnections) is nobody's error.
      if (!res.socket || res.socket.destroyed) return;
      if (error instanceof CommercetoolsHttpError) {
        send(res, { status: error.statusCode, body: error.body });
        // The rest of an over-size body is never read: close rather than leave the client sending.
        if (error.statusCode === 413) res.once('finish', () => res.socket?.destroy());
      } else {
        this.parts.onError(error);
        send(res, { status: 500, body: apiError(500, 'General', 'Internal error in the local platform; see its log.').body });
      }
    }
  }

  private async respond(request: PlatformRequest): Promise<PlatformResponse | undefined> {
    if (request.path === INTERNAL_PREFIX || request.path.startsWith(`${INTERNAL_PREFIX}/`)) return handleInternal(request, this.parts);
    const { counters, faults } = this.parts;
    counters.record(request.method, request.path);
    const decision = faults.decide();
    if (decision.delayMs > 0) {
      counters.recordFault('delayed');
      await sleep(decision.delayMs);
    }
    if (decision.unavailable) {
      counters.recordFault('unavailable');
      return { status: 503, body: apiError(503, 'ServiceUnavailable', 'Service Unavailable (injected fault).').body };
    }
    return this.parts.dispatch(request);
  }
}

async function readRequest(req: IncomingMessage): Promise<PlatformRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw apiError(413, 'InvalidInput', `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://platform.local');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    rawQuery: url.search.slice(1),
    query: url.searchParams,
    headers: req.headers,
    rawBody: Buffer.concat(chunks).toString('utf8'),
  };
}

// The mock answers customers with their password (base64 of the clear text); commercetools never sends it.
// Dropped here, where every answer passes, so no route (sign-in results, /me, expanded references) can leak it.
const withoutPasswords = (key: string, value: unknown): unknown => (key === 'password' ? undefined : value);

function send(res: ServerResponse, response: PlatformResponse): void {
  if (res.headersSent) return;
  const isText = typeof response.body === 'string';
  const payload = response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body, withoutPasswords);
  res.writeHead(response.status, {
    'content-type': isText ? (response.contentType ?? 'text/plain; charset=utf-8') : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
