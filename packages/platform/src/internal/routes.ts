import type { RequestCounters } from '../counters.js';
import { apiError, FaultSettingsError } from '../errors.js';
import { parseFaultSettings, type FaultInjector } from '../faults.js';
import { isObject } from '../http/body.js';
import { json, type PlatformRequest, type PlatformResponse } from '../http/types.js';
import { handleMailRequest } from '../mail/routes.js';
import type { MailSink } from '../mail/sink.js';

export const INTERNAL_PREFIX = '/__platform';

export interface InternalParts {
  readonly projectKey: string;
  readonly counters: RequestCounters;
  readonly faults: FaultInjector;
  readonly mail: MailSink;
}

/**
 * The platform's own control paths for tests and benchmarks. They are never counted, never faulted,
 * and are not part of the commercetools API:
 *   GET /__platform/health
 *   GET /__platform/counters, DELETE /__platform/counters (or POST /__platform/counters/reset)
 *   GET /__platform/faults, PUT /__platform/faults (partial settings, plus optional refuseForMs),
 *   DELETE /__platform/faults (all off)
 *   GET /__platform/mail[?to=], GET /__platform/mail/{id}, DELETE /__platform/mail (the mail sink's inbox)
 */
export async function handleInternal(request: PlatformRequest, parts: InternalParts): Promise<PlatformResponse> {
  const path = request.path.slice(INTERNAL_PREFIX.length);
  if (path === '/mail' || path.startsWith('/mail/')) return handleMailRequest(request, path, parts.mail);
  const route = `${request.method} ${path}`;
  switch (route) {
    case 'GET /health':
      return json(200, { status: 'ok', projectKey: parts.projectKey });
    case 'GET /counters':
      return json(200, parts.counters.snapshot());
    case 'DELETE /counters':
    case 'POST /counters/reset':
      parts.counters.reset();
      return json(200, parts.counters.snapshot());
    case 'GET /faults':
      return json(200, parts.faults.settings);
    case 'PUT /faults':
    case 'POST /faults':
      return json(200, setFaults(request.rawBody, parts.faults));
    case 'DELETE /faults':
      return json(200, parts.faults.reset());
    default:
      throw apiError(404, 'ResourceNotFound', `No internal endpoint ${request.method} ${request.path}.`);
  }
}

function setFaults(rawBody: string, faults: FaultInjector) {
  try {
    const body: unknown = JSON.parse(rawBody === '' ? '{}' : rawBody);
    const { refuseForMs, ...settings } = isObject(body) ? body : { invalid: body };
    if (refuseForMs !== undefined && !(typeof refuseForMs === 'number' && refuseForMs > 0 && refuseForMs <= 600_000)) {
      throw new FaultSettingsError('refuseForMs must be a number of milliseconds from 1 to 600000.');
    }
    const next = faults.set(parseFaultSettings(settings));
    // Refusing connections also cuts this control path off: refuseForMs is how an HTTP caller gets it back.
    if (next.refuseConnections && typeof refuseForMs === 'number') {
      setTimeout(() => faults.set({ refuseConnections: false }), refuseForMs).unref();
    }
    return next;
  } catch (error) {
    if (error instanceof SyntaxError) throw apiError(400, 'InvalidJsonInput', 'Request body does not contain valid JSON.');
    if (error instanceof FaultSettingsError) throw apiError(400, 'InvalidInput', error.message);
    throw error;
  }
}
