import { createHash } from 'node:crypto';

/**
 * Tokens are stored by their SHA-256 only: the data file holds nothing a request could present. The tokens
 * are 192 random bits, so an unsalted hash is enough.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
