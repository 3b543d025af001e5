import { BadRequestError } from '../errors.js';

/**
 * A tiny validator for action bodies and queries: each field reader returns the typed value or throws a
 * BadRequestError that names the field and says what it must be.
 */
export type Field<T> = (value: unknown, name: string) => T;

export const string =
  (options: { maxLength?: number } = {}): Field<string> =>
  (value, name) => {
    const maxLength = options.maxLength ?? 256;
    if (typeof value !== 'string' || value.trim() === '') throw new BadRequestError(`"${name}" must be a non-empty string.`);
    if (value.length > maxLength) throw new BadRequestError(`"${name}" must be at most ${maxLength} characters long.`);
    return value;
  };

export const integer =
  (min: number, max: number): Field<number> =>
  (value, name) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new BadRequestError(`"${name}" must be a whole number from ${min} to ${max}.`);
    }
    return value;
  };

export const optional =
  <T>(field: Field<T>, fallback?: T): Field<T | undefined> =>
  (value, name) =>
    value === undefined || value === null ? fallback : field(value, name);

/** A string of digits read as a whole number (query string values are strings). */
export const integerString =
  (min: number, max: number): Field<number> =>
  (value, name) => {
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text !== 'string' || !/^\d{1,9}$/.test(text)) throw new BadRequestError(`"${name}" must be a whole number from ${min} to ${max}.`);
    return integer(min, max)(Number(text), name);
  };

export type Shape = Record<string, Field<unknown>>;
export type Parsed<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

export interface ReadOptions {
  /** Named in error messages: "The request body", "shippingAddress". */
  readonly what?: string;
  /** Refuse fields the shape does not know, so a typo does not pass silently (default true). */
  readonly strict?: boolean;
}

/** Reads `shape` from an object. */
export function readObject<S extends Shape>(input: unknown, shape: S, options: ReadOptions = {}): Parsed<S> {
  const { what = 'The request body', strict = true } = options;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BadRequestError(`${what} must be a JSON object.`);
  }
  const record = input as Record<string, unknown>;
  const unknown = strict ? Object.keys(record).filter((key) => !(key in shape)) : [];
  if (unknown.length > 0) throw new BadRequestError(`${what} has unknown field(s): ${unknown.join(', ')}. It accepts: ${Object.keys(shape).join(', ') || 'no fields'}.`);
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) result[name] = field(record[name], name);
  return result as Parsed<S>;
}

export const object =
  <S extends Shape>(shape: S): Field<Parsed<S>> =>
  (value, name) =>
    readObject(value, shape, { what: `"${name}"` });

/** Parses an action's raw body; an empty body is an empty object. */
export function parseJsonBody(body: string | undefined | null): unknown {
  if (body === undefined || body === null || body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', 'MALFORMED_JSON');
  }
}
