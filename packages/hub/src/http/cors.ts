import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPOSED_HEADERS } from './header-names.js';

// What the frontend-sdk sends: Frontastic-*, Commercetools-Frontend-*, its access token and custom configuration header.
const ALLOWED_HEADER = /^(frontastic-[a-z0-9-]+|commercetools-frontend-[a-z0-9-]+|x-frontastic-access-token|cofe-custom-configuration|content-type|accept)$/;

function allowedRequestHeaders(requested: string | undefined): string {
  if (requested === undefined) return '';
  return requested
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => ALLOWED_HEADER.test(name))
    .join(', ');
}

/** Adds CORS headers for an allowed origin; returns true when the request was a preflight and is fully answered. */
export function handleCors(req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && (origins.has(origin) || origins.has('*'));
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    const headers = allowedRequestHeaders(req.headers['access-control-request-headers']);
    if (headers !== '') res.setHeader('Access-Control-Allow-Headers', headers);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204).end();
  return true;
}
