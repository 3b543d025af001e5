import { FaultSettingsError } from './errors.js';

export interface FaultSettings {
  /** Added to every answer, in milliseconds. */
  readonly latencyMs: number;
  /** Up to this many more milliseconds, drawn from the seeded generator. */
  readonly latencyJitterMs: number;
  /** Share of requests (0..1) answered 503 Service Unavailable instead. */
  readonly unavailableRate: number;
  /** Close the listening socket: new connections are refused, open ones are cut. */
  readonly refuseConnections: boolean;
  /** Seed of the generator that picks the 503s and the jitter, so a test run repeats exactly. */
  readonly seed: number;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, latencyJitterMs: 0, unavailableRate: 0, refuseConnections: false, seed: 1 };

export interface FaultDecision {
  readonly delayMs: number;
  readonly unavailable: boolean;
}

type Listener = (settings: FaultSettings) => void;

/** Fault injection for reliability tests; off by default. */
export class FaultInjector {
  private current: FaultSettings = NO_FAULTS;
  private random = mulberry32(NO_FAULTS.seed);
  private readonly listeners: Listener[] = [];

  get settings(): FaultSettings {
    return this.current;
  }

  /** Changes some settings; a given `seed` (or any change of it) restarts the random sequence. */
  set(changes: Partial<FaultSettings>): FaultSettings {
    const next = validate({ ...this.current, ...changes });
    if (changes.seed !== undefined) this.random = mulberry32(next.seed);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Every fault off, generator back to its default seed. */
  reset(): FaultSettings {
    return this.set(NO_FAULTS);
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  decide(): FaultDecision {
    const { latencyMs, latencyJitterMs, unavailableRate } = this.current;
    const jitter = latencyJitterMs > 0 ? Math.floor(this.random() * (latencyJitterMs + 1)) : 0;
    const unavailable = unavailableRate > 0 && this.random() < unavailableRate;
    return { delayMs: latencyMs + jitter, unavailable };
  }
}

const MAX_LATENCY_MS = 60_000;

/** Checks a settings object received from outside (HTTP or a caller). */
export function parseFaultSettings(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultSettingsError('Fault settings must be a JSON object.');
  const known = new Set(Object.keys(NO_FAULTS));
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!known.has(key)) throw new FaultSettingsError(`Unknown fault setting '${key}'; known: ${[...known].join(', ')}.`);
    changes[key] = value;
  }
  return changes as Partial<FaultSettings>;
}

function validate(settings: FaultSettings): FaultSettings {
  const { latencyMs, latencyJitterMs, unavailableRate, refuseConnections, seed } = settings;
  for (const [name, value] of [['latencyMs', latencyMs], ['latencyJitterMs', latencyJitterMs]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
      throw new FaultSettingsError(`${name} must be an integer from 0 to ${MAX_LATENCY_MS}.`);
    }
  }
  if (typeof unavailableRate !== 'number' || !(unavailableRate >= 0 && unavailableRate <= 1)) {
    throw new FaultSettingsError('unavailableRate must be a number from 0 to 1.');
  }
  if (typeof refuseConnections !== 'boolean') throw new FaultSettingsError('refuseConnections must be true or false.');
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new FaultSettingsError('seed must be an integer.');
  return settings;
}

// A small, well-known seedable generator: the same seed gives the same faults in every run.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
