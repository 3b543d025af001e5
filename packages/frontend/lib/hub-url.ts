export const DEFAULT_HUB_URL = 'http://127.0.0.1:8080';

/**
 * The API hub's origin, read from `HUB_URL` when the server runs (never at build time, so one build
 * serves any hub). Call it only on the server.
 */
export function hubUrlFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const value = env['HUB_URL']?.trim();
  if (value === undefined || value === '') return DEFAULT_HUB_URL;
  return value.replace(/\/+$/, '');
}
