import type { ActionContext, ActionRequest, CtpSession } from '@ctp-session/session';
import { resolveCtpConfig } from '../config/ctpConfig.js';
import { Commerce } from '../commercetools/Commerce.js';
import { ShopperAuth } from '../commercetools/auth/ShopperAuth.js';
import type { ProjectApi } from '../commercetools/http/createProjectApi.js';
import { localeOf } from '../utils/locale.js';
import { parseJsonBody, readObject, type Parsed, type Shape } from '../utils/validate.js';

/** Everything one action call works with. Built per request; nothing here outlives it. */
export class ActionScope {
  readonly locale: string;
  #commerce: Commerce | undefined;
  #auth: ShopperAuth | undefined;

  constructor(
    readonly session: CtpSession,
    readonly request: ActionRequest,
    private readonly context: ActionContext,
  ) {
    this.locale = localeOf(request, context.frontasticContext);
  }

  /** Resolved on first use, so actions that never reach commercetools need no settings. */
  get commerce(): Commerce {
    this.#commerce ??= new Commerce(resolveCtpConfig(this.context.frontasticContext?.projectConfiguration));
    return this.#commerce;
  }

  get auth(): ShopperAuth {
    this.#auth ??= new ShopperAuth(this.session, this.commerce.oauth);
    return this.#auth;
  }

  /** The request body, checked against `shape` (400 on malformed JSON, wrong types, missing or unknown fields). */
  body<S extends Shape>(shape: S): Parsed<S> {
    return readObject(parseJsonBody(this.request.body), shape);
  }

  /** The query string, checked against `shape`. */
  query<S extends Shape>(shape: S): Parsed<S> {
    return readObject(this.request.query, shape, { what: 'The query string', strict: false });
  }

  /**
   * The shopper's API, starting an anonymous session if the shopper has no token yet. A token commercetools
   * refuses is refreshed; a guest whose token cannot be refreshed (revoked) starts over with a new anonymous
   * session, so the write goes on instead of failing forever; a customer is signed out (SESSION_EXPIRED).
   */
  async shopperApi(): Promise<ProjectApi> {
    return this.commerce.asShopper(await this.auth.token(), async () => (await this.auth.renew()) ?? this.auth.token());
  }

  /**
   * The shopper's API if the shopper has a token; undefined for a guest who never needed one. Reads create
   * nothing: a guest whose refused token cannot be refreshed is left without one, and the read finds nothing.
   */
  async existingShopperApi(): Promise<ProjectApi | undefined> {
    const token = await this.auth.existingToken();
    return token === undefined ? undefined : this.commerce.asShopper(token, () => this.auth.renew());
  }
}
