import type { Server } from 'node:http';
import { HubOptionsError } from '../errors.js';

/** How long and how many: what a slow or greedy client may hold of the hub. */
export interface ServerLimits {
  /** Until a request's headers are complete; a slow-headers client is cut after this. */
  readonly headersTimeoutMs: number;
  /** Until a whole request (headers and body) has arrived: a slow body gets a 408 and the socket is closed. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive socket stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Open sockets at most; further connections are closed at once. */
  readonly maxConnections: number;
}

// Node's own defaults (60 s headers, 300 s request, unlimited sockets) let a handful of slow clients hold
// the hub for minutes. A request here is at most a 1 MB body from a browser or the Next.js server.
export const DEFAULT_SERVER_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

export function resolveServerLimits(given: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new HubOptionsError(`serverLimits.${name} must be a positive whole number, got ${value}.`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new HubOptionsError(`serverLimits.headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed requestTimeoutMs (${limits.requestTimeoutMs}).`);
  }
  return limits;
}

/** Node checks the two request timeouts on a timer (every 30 s by default): check often enough for the limits to hold. */
export function connectionsCheckingInterval(limits: ServerLimits): number {
  return Math.min(1_000, Math.max(25, Math.floor(limits.headersTimeoutMs / 4)));
}

export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
