import { HubOptionsError } from '../errors.js';
import type { SessionStamp } from './envelope.js';

/** How long a session lives: since its last use (idle) and since it began (absolute). */
export interface SessionLifetime {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

/**
 * Chosen against commercetools' own lifetimes (docs/SECURITY.md says why): idle 2 days, the default lifetime
 * of a commercetools access token; absolute 30 days, within the 90 days after which commercetools deletes an
 * untouched cart and far within the ~200 days a refresh token lives.
 */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleSeconds: 2 * 24 * 60 * 60, absoluteSeconds: 30 * 24 * 60 * 60 };

// A token's times are whole seconds in 32 bits; a limit beyond a century is a mistake, not a wish.
const MAX_SECONDS = 100 * 365 * 24 * 60 * 60;
// An unchanged session is re-issued (to move its last-seen time) at most this often, so answers that change
// nothing can hand back the same token: at most a minute, and a quarter of the idle limit when that is shorter.
const MAX_TOUCH_MS = 60_000;

export type Expiry = 'expired-idle' | 'expired-absolute';

export function resolveSessionLifetime(given: Partial<SessionLifetime> = {}): SessionLifetime {
  const lifetime = { ...DEFAULT_SESSION_LIFETIME, ...given };
  for (const [name, value] of Object.entries(lifetime)) {
    if (!Number.isInteger(value) || value <= 0 || value > MAX_SECONDS) throw new HubOptionsError(`${name === 'idleSeconds' ? 'sessionIdleSeconds' : 'sessionAbsoluteSeconds'} must be a whole number of seconds from 1 to ${MAX_SECONDS}, got ${value}.`);
  }
  if (lifetime.idleSeconds > lifetime.absoluteSeconds) {
    throw new HubOptionsError(`sessionIdleSeconds (${lifetime.idleSeconds}) must not exceed sessionAbsoluteSeconds (${lifetime.absoluteSeconds}): no session can be idle for longer than it may live.`);
  }
  return lifetime;
}

/** Why a session is over at `now`, if it is. */
export function expiryOf(stamp: SessionStamp, now: number, lifetime: SessionLifetime): Expiry | undefined {
  if (now - stamp.issuedAt > lifetime.absoluteSeconds * 1000) return 'expired-absolute';
  if (now - stamp.lastSeenAt > lifetime.idleSeconds * 1000) return 'expired-idle';
  return undefined;
}

/** Whether a still-valid session's last-seen time should move forward with a new token. */
export function isDueForTouch(stamp: SessionStamp, now: number, lifetime: SessionLifetime): boolean {
  return now - stamp.lastSeenAt >= Math.min(MAX_TOUCH_MS, (lifetime.idleSeconds * 1000) / 4);
}
