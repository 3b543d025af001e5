import type { ActionRequest } from './action.js';

/**
 * The first value of a request header, whichever shape the hub used (string, array of strings, or `[]`
 * for no headers at all). Names are matched case-insensitively.
 */
export function headerValue(request: Pick<ActionRequest, 'headers'>, name: string): string | undefined {
  const headers = request.headers;
  if (headers === undefined || Array.isArray(headers)) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Readonly<Record<string, unknown>>)) {
    if (key.toLowerCase() !== wanted) continue;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    return undefined;
  }
  return undefined;
}
