import type { CtpAuthToken } from '@ctp-session/session';
import type { CtpConfig } from '../../config/ctpConfig.js';
import type { OAuthClient } from './OAuthClient.js';
import { REFRESH_MARGIN_MS } from './ShopperAuth.js';

/**
 * The API client's own token (client credentials), shared by every request this process handles:
 * it belongs to no shopper, so unlike the session it may outlive a request. Concurrent requests
 * share one token request; a failed one is forgotten at once.
 */
const tokens = new Map<string, Promise<CtpAuthToken>>();

export async function clientCredentialsToken(config: CtpConfig, oauth: OAuthClient, now: () => number = Date.now): Promise<string> {
  const key = [config.authUrl, config.projectKey, config.clientId, config.scopes.join(' ')].join('|');
  const cached = tokens.get(key);
  if (cached !== undefined) {
    const token = await cached.catch(() => undefined);
    if (token !== undefined && token.expirationTime - REFRESH_MARGIN_MS > now()) return token.accessToken;
  }
  const request = oauth.clientCredentialsToken();
  tokens.set(key, request);
  try {
    return (await request).accessToken;
  } catch (error) {
    if (tokens.get(key) === request) tokens.delete(key);
    throw error;
  }
}
