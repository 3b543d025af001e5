import type { Session, StoreClient } from './storeClient.js';

/** The commercetools token triple a session holds, if any. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken?: string;
}

export const tokensOf = (session: Session): SessionTokens | undefined => session['token'] as SessionTokens | undefined;

function basicAuth(client: StoreClient): string {
  return `Basic ${Buffer.from(`${client.platform.clientId}:${client.platform.clientSecret}`).toString('base64')}`;
}

/** Revokes a token with commercetools' revocation endpoint, as an administrator or another device would. */
export async function revokeToken(client: StoreClient, token: string, hint: 'access_token' | 'refresh_token'): Promise<number> {
  const answer = await fetch(`${client.platform.authUrl}/oauth/token/revoke`, {
    method: 'POST',
    headers: { authorization: basicAuth(client), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, token_type_hint: hint }).toString(),
  });
  return answer.status;
}

/** The platform's status for the shopper's own carts with this access token (401 once it is revoked). */
export async function platformStatusOf(client: StoreClient, accessToken: string): Promise<number> {
  return (await fetch(`${client.platform.apiUrl}/${client.platform.projectKey}/me/carts`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

/** A page through the hub with a given session token, as the Next.js server asks for it. */
export async function pageAs(client: StoreClient, path: string, token: string | undefined): Promise<{ status: number; json: unknown }> {
  const answer = await fetch(`${client.store.hubUrl}/frontastic/page`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'frontastic-path': path, 'frontastic-locale': 'en_US', ...(token === undefined ? {} : { 'frontastic-session': token }) },
    body: '{}',
  });
  const text = await answer.text();
  return { status: answer.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Counts answers by status, for the figures. */
export class StatusTally {
  readonly #counts = new Map<number, number>();

  add(status: number): void {
    this.#counts.set(status, (this.#counts.get(status) ?? 0) + 1);
  }

  toString(): string {
    return [...this.#counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
  }
}
