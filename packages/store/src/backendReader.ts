import type { CommercetoolsSettings } from './commerceBackend.js';

/** A read on the commerce backend failed; the status and path say which. */
export class BackendReadError extends Error {
  readonly code = 'BACKEND_READ_FAILED';
  override readonly name = 'BackendReadError';
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`GET ${path} on the commerce backend answered ${status}. Check the path, and that the API client may view orders and customers.`);
  }
}

/** Reads the commerce backend's HTTP API outside any shopper's session, as an operator's report tool would. */
export type BackendReader = (path: string) => Promise<unknown>;

/**
 * GET `{api}/{projectKey}{path}` with a client credentials token that has read scopes only
 * (`view_orders`, `view_customers`), parsed as JSON. Works against the embedded platform and a real
 * project alike; a fresh token per call, so nothing is cached between tests.
 */
export function createBackendReader(settings: CommercetoolsSettings): BackendReader {
  const projectKey = settings.EXTENSION_COMMERCETOOLS_PROJECT_KEY ?? '';
  return async (path) => {
    const basic = Buffer.from(`${settings.EXTENSION_COMMERCETOOLS_CLIENT_ID ?? ''}:${settings.EXTENSION_COMMERCETOOLS_CLIENT_SECRET ?? ''}`).toString('base64');
    const tokenAnswer = await fetch(`${settings.EXTENSION_COMMERCETOOLS_AUTH_URL ?? ''}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `view_orders:${projectKey} view_customers:${projectKey}` }).toString(),
    });
    if (!tokenAnswer.ok) throw new BackendReadError('/oauth/token', tokenAnswer.status);
    const { access_token } = (await tokenAnswer.json()) as { access_token: string };
    const answer = await fetch(`${settings.EXTENSION_COMMERCETOOLS_HOST_URL ?? ''}/${projectKey}${path}`, { headers: { authorization: `Bearer ${access_token}` } });
    if (!answer.ok) throw new BackendReadError(path, answer.status);
    return answer.json() as Promise<unknown>;
  };
}
