import type { ClientCredentials } from './auth/client-credentials.js';
import type { Principal } from './auth/principal.js';
import type { TokenStore } from './auth/token-store.js';
import type { EmailTokenStore } from './customers/email-tokens.js';
import type { MockGateway } from './mock/gateway.js';

/** What every request handler may use. */
export interface PlatformContext {
  readonly projectKey: string;
  readonly gateway: MockGateway;
  readonly tokens: TokenStore;
  readonly client: ClientCredentials;
  /** Email verification tokens (the mock's never expire and can be reused). */
  readonly emailTokens: EmailTokenStore;
  /** Carts with an order being created right now: a second order from the same cart must fail. */
  readonly cartsBeingOrdered: Set<string>;
}

/** Handlers of the project API also know whose token it is. */
export interface ApiContext extends PlatformContext {
  readonly principal: Principal;
}
