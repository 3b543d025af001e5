import { invalidJson } from '../errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import type { PlatformRequest } from './types.js';

export type JsonObject = Record<string, unknown>;

/** The request body as a JSON object, or a commercetools 400 InvalidJsonInput. */
export function jsonObjectBody(request: PlatformRequest): JsonObject {
  if (request.rawBody.trim() === '') throw invalidJson('Request body is empty: a JSON object is expected.');
  if (nestsDeeperThan(request.rawBody)) throw invalidJson(`JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch (error) {
    throw invalidJson(`Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(parsed)) throw invalidJson('JSON object expected.');
  return parsed;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Form fields of an OAuth request: body (x-www-form-urlencoded) first, then the query string. */
export function formParams(request: PlatformRequest): (name: string) => string | undefined {
  const body = new URLSearchParams(request.rawBody);
  return (name) => body.get(name) ?? request.query.get(name) ?? undefined;
}
