import type { CtpAuthToken } from '../session-data.js';

export type TokenCheck =
  | { ok: true; token: Readonly<CtpAuthToken>; extraFields: readonly string[] }
  | { ok: false; problem: string };

export const TOKEN_SHAPE = 'an object { accessToken: non-empty string, refreshToken?: string, expirationTime: epoch milliseconds }';

const TOKEN_FIELDS = new Set(['accessToken', 'refreshToken', 'expirationTime']);

/** Validates the token triple and returns a frozen copy holding only its three fields. */
export function checkAuthToken(value: unknown): TokenCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'not an object' };
  const candidate = value as Record<string, unknown>;
  const { accessToken, refreshToken, expirationTime } = candidate;
  if (typeof accessToken !== 'string' || accessToken === '') return { ok: false, problem: 'accessToken is not a non-empty string' };
  if (refreshToken !== undefined && typeof refreshToken !== 'string') return { ok: false, problem: 'refreshToken is not a string' };
  if (typeof expirationTime !== 'number' || !Number.isFinite(expirationTime)) {
    return { ok: false, problem: 'expirationTime is not a finite number (epoch milliseconds)' };
  }
  const token: CtpAuthToken = refreshToken === undefined ? { accessToken, expirationTime } : { accessToken, refreshToken, expirationTime };
  const extraFields = Object.keys(candidate).filter((field) => !TOKEN_FIELDS.has(field));
  return { ok: true, token: Object.freeze(token), extraFields };
}
