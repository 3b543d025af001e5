import { ACCOUNT_PATH, CART_PATH } from './shop-types';

/**
 * Actions that only read: their declared kind. Every other action may change what the session points at, so
 * its success is news for the other tabs, and a Server Component may not call it (lib/server-session); a read
 * is neither (its answer re-issues the session it got). `test/session-reads.test.ts` holds the extensions to it.
 */
export const SESSION_READS: ReadonlySet<string> = new Set([CART_PATH, ACCOUNT_PATH, '/action/examples/getRewardPoints']);

export function isSessionRead(path: string): boolean {
  return SESSION_READS.has(path.split('?')[0] ?? path);
}
