import type { CtpAuthToken } from '@ctp-session/session';
import type { CtpConfig } from '../../config/ctpConfig.js';
import { InvalidCredentialsError, PlatformError } from '../../errors.js';
import { CommercetoolsApiError } from '../http/CommercetoolsApiError.js';
import { sendRequest, type SendOptions } from '../http/sendRequest.js';

/** A customer's token, with the customer id commercetools put in its scope. */
export interface CustomerToken {
  readonly token: CtpAuthToken;
  readonly customerId: string;
}

/**
 * The four commercetools OAuth flows the extensions use, and token revocation. Each call is exactly one request; nothing is
 * cached or refreshed behind the caller's back, so the session decides which token a shopper holds.
 */
export class OAuthClient {
  constructor(
    private readonly config: CtpConfig,
    private readonly options: SendOptions = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** A guest's token; `anonymousId` is ours to choose, so carts can be traced to the guest. */
  async anonymousToken(anonymousId: string): Promise<CtpAuthToken> {
    const answer = await this.post(`/oauth/${this.config.projectKey}/anonymous/token`, {
      grant_type: 'client_credentials',
      anonymous_id: anonymousId,
      ...this.scope(),
    });
    return this.toToken(answer);
  }

  /** Password flow: a signed-in customer's token. Wrong credentials → InvalidCredentialsError. */
  async customerToken(email: string, password: string): Promise<CustomerToken> {
    try {
      const answer = await this.post(`/oauth/${this.config.projectKey}/customers/token`, {
        grant_type: 'password',
        username: email,
        password,
        ...this.scope(),
      });
      const customerId = /(?:^|\s)customer_id:(\S+)/.exec(answer.scope)?.[1];
      if (customerId === undefined) throw new PlatformError('commercetools issued a customer token without a customer_id scope.');
      return { token: this.toToken(answer), customerId };
    } catch (error) {
      if (error instanceof CommercetoolsApiError && error.status === 400 && /credentials/i.test(`${error.code} ${error.message}`)) {
        throw new InvalidCredentialsError();
      }
      throw error;
    }
  }

  /**
   * Refresh flow. commercetools does not rotate the refresh token, so the old one is kept.
   * An unknown or revoked refresh token rejects with CommercetoolsApiError `invalid_grant`.
   */
  async refresh(refreshToken: string): Promise<CtpAuthToken> {
    const answer = await this.post('/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
    return this.toToken({ ...answer, refresh_token: answer.refresh_token ?? refreshToken });
  }

  /**
   * commercetools' token revocation: `POST {auth}/oauth/token/revoke` with the API client's HTTP Basic
   * credentials and the form fields `token` and `token_type_hint` (`access_token` or `refresh_token`).
   */
  async revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    await this.send('/oauth/token/revoke', { token, token_type_hint: hint });
  }

  /** The API client's own token, for catalogue reads that belong to no shopper. */
  async clientCredentialsToken(): Promise<CtpAuthToken> {
    return this.toToken(await this.post('/oauth/token', { grant_type: 'client_credentials', ...this.scope() }));
  }

  private scope(): { scope?: string } {
    return this.config.scopes.length > 0 ? { scope: this.config.scopes.join(' ') } : {};
  }

  private async post(path: string, form: Record<string, string>): Promise<TokenAnswer> {
    return parseTokenAnswer(await this.send(path, form));
  }

  private async send(path: string, form: Record<string, string>): Promise<unknown> {
    const credentials = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
    const { body } = await sendRequest(
      `${this.config.authUrl}${path}`,
      {
        method: 'POST',
        headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      },
      this.options,
    );
    return body;
  }

  private toToken(answer: TokenAnswer): CtpAuthToken {
    return {
      accessToken: answer.access_token,
      ...(answer.refresh_token === undefined ? {} : { refreshToken: answer.refresh_token }),
      expirationTime: this.now() + answer.expires_in * 1000,
    };
  }
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

function parseTokenAnswer(body: unknown): TokenAnswer {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { access_token, expires_in, scope, refresh_token } = record;
  if (typeof access_token !== 'string' || typeof expires_in !== 'number') {
    throw new PlatformError('commercetools answered a token request without access_token/expires_in.');
  }
  return {
    access_token,
    expires_in,
    scope: typeof scope === 'string' ? scope : '',
    ...(typeof refresh_token === 'string' ? { refresh_token } : {}),
  };
}
