/**
 * The commercetools token triple an extension keeps in the session.
 * `expirationTime` is epoch milliseconds (`Date.now() + expires_in * 1000`).
 */
export interface CtpAuthToken {
  accessToken: string;
  refreshToken?: string;
  expirationTime: number;
}

/** A value the session may hold next to the token: a reference, never a whole resource. */
export type SessionScalar = string | number | boolean | null;
export type SessionValue = SessionScalar | readonly SessionScalar[];

/**
 * The session of a commercetools Frontend project.
 *
 * A project adds its own reference keys by declaration merging:
 *
 * ```ts
 * declare module '@ctp-session/session' {
 *   interface SessionData {
 *     rewardPoints?: number;
 *     wishlistId?: string;
 *   }
 * }
 * ```
 *
 * Every added key must be optional and hold a `SessionValue` (a scalar or an array of scalars).
 */
export interface SessionData {
  token?: CtpAuthToken;
  customerId?: string;
  cartId?: string;
  lastOrderId?: string;
}

/** The keys this library reads, validates and writes itself. */
export type KnownSessionKey = 'token' | 'customerId' | 'cartId' | 'lastOrderId';
export const KNOWN_SESSION_KEYS: readonly KnownSessionKey[] = Object.freeze(['token', 'customerId', 'cartId', 'lastOrderId']);

/** Keys added to `SessionData` by a project (declaration merging). */
export type ProjectSessionKey = Exclude<keyof SessionData, KnownSessionKey>;

/** Keys `CtpSession#set` accepts: everything except `customerId`, which only `signin` sets. */
export type SettableSessionKey = Exclude<keyof SessionData, 'customerId'>;

export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** What data sources and the dynamic page handler see: the whole session, immutable. */
export type ReadonlySessionData = DeepReadonly<SessionData>;

// Compile-time guard for declaration merging: a project key whose type is not a SessionValue (a whole cart,
// say) fails type checking right here, with the offending key named in the error.
type NonReferenceProjectKeys = {
  [K in ProjectSessionKey]-?: Exclude<SessionData[K], undefined> extends SessionValue ? never : K;
}[ProjectSessionKey];
type ProjectKeysMustHoldReferences<OffendingKeys extends never> = OffendingKeys;
export type SessionDataHoldsReferencesOnly = ProjectKeysMustHoldReferences<NonReferenceProjectKeys>;
