import type { ServerResponse } from 'node:http';
import { redact } from '../log/logger.js';

export function sendJson(res: ServerResponse, statusCode: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(statusCode, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Error body: `{ code, message, frontasticRequestId }`; the frontend-sdk copies these onto its ActionError. */
export function sendError(res: ServerResponse, statusCode: number, code: string, message: string, frontasticRequestId: string): void {
  sendJson(res, statusCode, { code, message: redact(message), frontasticRequestId });
}
