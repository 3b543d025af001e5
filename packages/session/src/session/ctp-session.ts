import { SessionClosedError, SessionCustomerIdError, SessionInvalidValueError } from '../errors.js';
import type { CtpAuthToken, DeepReadonly, SessionData, SettableSessionKey } from '../session-data.js';
import { TOKEN_SHAPE, checkAuthToken } from '../values/auth-token.js';
import { readIncomingSession, type SessionRepair } from '../values/incoming-session.js';
import { toReferenceValue } from '../values/reference-value.js';
import { hasValidToken } from './token-validity.js';

/** What the end of a request makes of a session: nothing, a clear, or a complete replacement. */
export type SessionWrite =
  | { kind: 'unchanged' }
  | { kind: 'cleared' }
  | { kind: 'replaced'; sessionData: SessionData };

const ID_KEYS = new Set(['cartId', 'lastOrderId']);

let closeImpl: (session: CtpSession) => SessionWrite;

/**
 * Ends the session's request: any later change throws `SessionClosedError`. Returns what the response must
 * carry. Internal to this package (the `withSession` wrapper); not exported from the index.
 */
export function closeSession(session: CtpSession): SessionWrite {
  return closeImpl(session);
}

/**
 * The session of one request. Built from `request.sessionData`, changed through its setters, and written
 * back as a whole by `withSession`. Hand it to the classes that need it (constructor injection); never keep
 * it beyond the request.
 */
export class CtpSession {
  static {
    closeImpl = (session) => session.#close();
  }

  readonly #entries: Map<string, unknown>;
  readonly #repairs: readonly SessionRepair[];
  #changed: boolean;
  #closed = false;

  /** Never throws: invalid known keys are dropped (see `repairs`), unknown keys are kept as they are. */
  constructor(sessionData?: unknown) {
    const incoming = readIncomingSession(sessionData);
    this.#entries = incoming.entries;
    this.#repairs = Object.freeze(incoming.repairs.map((repair) => Object.freeze(repair)));
    // A repaired session differs from the stored one, so the next successful write stores the repaired form.
    this.#changed = incoming.repairs.length > 0;
  }

  /** What the constructor had to drop or trim from the incoming session; empty for a well-formed one. */
  get repairs(): readonly SessionRepair[] {
    return this.#repairs;
  }

  /** True once the session differs from the one the request brought in. */
  get changed(): boolean {
    return this.#changed;
  }

  get token(): Readonly<CtpAuthToken> | undefined {
    return this.#entries.get('token') as Readonly<CtpAuthToken> | undefined;
  }

  /** Sets or (with `undefined`) removes the token. Only `accessToken`, `refreshToken`, `expirationTime` are allowed. */
  set token(token: Readonly<CtpAuthToken> | undefined) {
    this.set('token', token);
  }

  get customerId(): string | undefined {
    return this.#entries.get('customerId') as string | undefined;
  }

  /** Type `never`: assigning is a type error. At run time it throws `SessionCustomerIdError`; use `signin`. */
  set customerId(_customerId: never) {
    throw new SessionCustomerIdError();
  }

  get cartId(): string | undefined {
    return this.#entries.get('cartId') as string | undefined;
  }

  set cartId(cartId: string | undefined) {
    this.set('cartId', cartId);
  }

  get lastOrderId(): string | undefined {
    return this.#entries.get('lastOrderId') as string | undefined;
  }

  set lastOrderId(lastOrderId: string | undefined) {
    this.set('lastOrderId', lastOrderId);
  }

  /** Reads any key, including those a project added to `SessionData`. Values are frozen. */
  get<K extends keyof SessionData>(key: K): DeepReadonly<SessionData[K]> | undefined {
    return this.#entries.get(key) as DeepReadonly<SessionData[K]> | undefined;
  }

  /**
   * Sets a key (`undefined` removes it). Values must be references: a string, finite number, boolean, null or
   * an array of those; `token` takes the token triple. `customerId` is refused: use `signin`.
   */
  set<K extends SettableSessionKey>(key: K, value: DeepReadonly<SessionData[K]> | undefined): void {
    this.#assertOpen(`set "${String(key)}"`);
    if ((key as string) === 'customerId') throw new SessionCustomerIdError();
    if (value === undefined) {
      this.#delete(key);
      return;
    }
    this.#put(key, this.#validated(key, value));
  }

  /** Stores the customer's token and id together: the only way to set `customerId`. */
  signin(token: Readonly<CtpAuthToken>, customerId: string): void {
    this.#assertOpen('sign in');
    const checkedToken = this.#validated('token', token);
    if (typeof customerId !== 'string' || customerId === '') throw new SessionInvalidValueError('customerId', 'a non-empty string');
    this.#put('token', checkedToken);
    this.#put('customerId', customerId);
  }

  /**
   * Drops everything that belongs to the signed-in customer: `token`, `customerId`, `cartId` and
   * `lastOrderId`. Keys added by the project stay; remove them with `set(key, undefined)` if they are personal.
   */
  signout(): void {
    this.#assertOpen('sign out');
    for (const key of ['token', 'customerId', 'cartId', 'lastOrderId']) this.#delete(key);
  }

  /** See the standalone `hasValidToken`: false at and after `expirationTime - marginMs`. */
  hasValidToken(now?: number, marginMs?: number): boolean {
    return hasValidToken(this, now, marginMs);
  }

  /** Empties the session, unknown keys included. The response then carries `sessionData: null`. */
  clear(): void {
    this.#assertOpen('clear the session');
    if (this.#entries.size > 0) this.#changed = true;
    this.#entries.clear();
  }

  /** The complete session as a new plain object (values are frozen), exactly what a write would send. */
  toSessionData(): SessionData {
    return Object.fromEntries(this.#entries) as SessionData;
  }

  #validated(key: string, value: unknown): unknown {
    if (key === 'token') {
      const check = checkAuthToken(value);
      if (!check.ok) throw new SessionInvalidValueError('token', `${TOKEN_SHAPE} (${check.problem})`);
      if (check.extraFields.length > 0) {
        throw new SessionInvalidValueError('token', `${TOKEN_SHAPE} without other fields (got ${check.extraFields.join(', ')})`);
      }
      return check.token;
    }
    if (ID_KEYS.has(key)) {
      if (typeof value !== 'string' || value === '') throw new SessionInvalidValueError(key, 'a non-empty string (or undefined to remove it)');
      return value;
    }
    return toReferenceValue(key, value);
  }

  #put(key: string, value: unknown): void {
    const previous = this.#entries.get(key);
    if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(value)) return;
    this.#entries.set(key, value);
    this.#changed = true;
  }

  #delete(key: string): void {
    if (this.#entries.delete(key)) this.#changed = true;
  }

  #assertOpen(operation: string): void {
    if (this.#closed) throw new SessionClosedError(operation);
  }

  #close(): SessionWrite {
    this.#closed = true;
    if (!this.#changed) return { kind: 'unchanged' };
    if (this.#entries.size === 0) return { kind: 'cleared' };
    return { kind: 'replaced', sessionData: this.toSessionData() };
  }
}
