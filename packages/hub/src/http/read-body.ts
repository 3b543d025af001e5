import type { IncomingMessage } from 'node:http';
import { RequestBodyTooLargeError } from '../errors.js';

/**
 * Reads the raw body as a UTF-8 string (extensions get it unparsed, as on the platform).
 * An over-size body is drained and refused, so the client still receives the 413.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limitBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        // A client that keeps streaming far past the limit is cut off.
        if (size > limitBytes * 16) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new RequestBodyTooLargeError(limitBytes));
      else resolve(size === 0 ? undefined : Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', reject);
  });
}
