import { readSession, type ActionRequest, type FrontasticContext, type ReadonlySessionData } from '@ctp-session/session';
import { resolveCtpConfig } from '../config/ctpConfig.js';
import { Commerce } from '../commercetools/Commerce.js';
import { REFRESH_MARGIN_MS } from '../commercetools/auth/ShopperAuth.js';
import { CommercetoolsApiError } from '../commercetools/http/CommercetoolsApiError.js';
import type { ProjectApi } from '../commercetools/http/createProjectApi.js';
import '../session/sessionKeys.js';
import { localeOf } from '../utils/locale.js';

/**
 * What data sources and the dynamic page handler work with: a frozen view of the session (they may
 * only read it) and commercetools access. A token that is due for refresh is refreshed for this
 * request only — it cannot be stored from here — so pages keep rendering until the next action
 * stores a fresh token.
 */
export class ReadScope {
  readonly session: ReadonlySessionData;
  readonly locale: string;
  #commerce: Commerce | undefined;

  constructor(
    request: ActionRequest | undefined,
    private readonly context: FrontasticContext | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.session = readSession(request?.sessionData);
    this.locale = localeOf(request, context);
  }

  get commerce(): Commerce {
    this.#commerce ??= new Commerce(resolveCtpConfig(this.context?.projectConfiguration));
    return this.#commerce;
  }

  /**
   * The shopper's API, or undefined for a guest without a token (or whose token cannot be renewed). A token
   * commercetools refuses although it looks valid is refreshed for this request too; when that is refused as
   * well the reads get the 401 and show nothing (a revoked session reads as signed out).
   */
  async shopperApi(): Promise<ProjectApi | undefined> {
    const token = this.session.token;
    if (token === undefined) return undefined;
    if (token.expirationTime - REFRESH_MARGIN_MS > this.now()) return this.commerce.asShopper(token.accessToken, () => this.refreshed(token.refreshToken));
    const accessToken = await this.refreshed(token.refreshToken);
    return accessToken === undefined ? undefined : this.commerce.asShopper(accessToken);
  }

  private async refreshed(refreshToken: string | undefined): Promise<string | undefined> {
    if (refreshToken === undefined) return undefined;
    try {
      return (await this.commerce.oauth.refresh(refreshToken)).accessToken;
    } catch (error) {
      if (error instanceof CommercetoolsApiError && (error.status === 400 || error.status === 401)) return undefined;
      throw error;
    }
  }
}
