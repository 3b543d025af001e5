import { apiError } from '../errors.js';
import { json, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import type { MailSink } from './sink.js';

/**
 * The mail sink's inbox over HTTP, under the platform's internal prefix:
 *   GET /mail (optionally `?to=<address>`): `{ count, results: ReceivedMail[] }`, oldest first;
 *   GET /mail/{id}: one mail; DELETE /mail: empties the inbox.
 * `path` is relative to the internal prefix.
 */
export function handleMailRequest(request: PlatformRequest, path: string, sink: MailSink): PlatformResponse {
  if (path === '/mail' && request.method === 'GET') {
    const results = sink.list(request.query.get('to') ?? undefined);
    return json(200, { count: results.length, results });
  }
  if (path === '/mail' && request.method === 'DELETE') {
    sink.clear();
    return json(200, { count: 0, results: [] });
  }
  const segment = /^\/mail\/([^/]+)$/.exec(path)?.[1];
  if (segment !== undefined && request.method === 'GET') {
    const id = decodedSegment(segment);
    const mail = sink.get(id);
    if (!mail) throw apiError(404, 'ResourceNotFound', `No mail with id '${id}' in the mail sink.`);
    return json(200, mail);
  }
  throw apiError(404, 'ResourceNotFound', `No mail sink endpoint ${request.method} ${path}.`);
}

/** A path segment's text; a broken percent-encoding (`%E0%A4%A`) is the client's mistake, a 400, not a URIError's 500. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw apiError(400, 'InvalidInput', 'The mail id in the path is not valid percent-encoding (UTF-8); mail ids are the `id` of GET /__platform/mail.');
  }
}
