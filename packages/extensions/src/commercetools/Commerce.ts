import type { CtpConfig } from '../config/ctpConfig.js';
import { clientCredentialsToken } from './auth/clientTokenCache.js';
import { OAuthClient } from './auth/OAuthClient.js';
import { createProjectApi, type ProjectApi, type RenewToken } from './http/createProjectApi.js';

/** commercetools access for one request: the OAuth flows, and API builders bound to a token. */
export class Commerce {
  readonly oauth: OAuthClient;

  constructor(readonly config: CtpConfig) {
    this.oauth = new OAuthClient(config, { timeoutMs: config.timeoutMs });
  }

  /** The /me endpoints as the shopper holding `accessToken`; `renew` is asked for a new token after a 401. */
  asShopper(accessToken: string, renew?: RenewToken): ProjectApi {
    return createProjectApi(this.config, accessToken, { timeoutMs: this.config.timeoutMs }, renew);
  }

  /** The API client itself, for the catalogue and server-side sign-in. */
  async asClient(): Promise<ProjectApi> {
    return createProjectApi(this.config, await clientCredentialsToken(this.config, this.oauth), { timeoutMs: this.config.timeoutMs });
  }
}
