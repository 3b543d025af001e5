import { randomFillSync } from 'node:crypto';

/**
 * 12-byte GCM nonces cut from a pool of CSPRNG bytes, refilled when spent (as node's randomUUID does):
 * one call into the OS generator per 341 tokens instead of one per token. Bytes are never handed out twice.
 */
const NONCE_BYTES = 12;
const POOL_NONCES = 341;
const pool = Buffer.alloc(NONCE_BYTES * POOL_NONCES);
let offset = pool.length;

export function nextNonce(): Buffer {
  if (offset + NONCE_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  // A copy, so a refill can never change a nonce already in use.
  const nonce = Buffer.from(pool.subarray(offset, offset + NONCE_BYTES));
  offset += NONCE_BYTES;
  return nonce;
}
