import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BundleHolder } from './bundle/bundle-holder.js';
import type { HubLogger } from './log/logger.js';
import type { ResolvedHubOptions } from './options.js';
import type { StudioStore } from './pages/studio-store.js';
import type { BundleFault } from './run/extension-scope.js';
import type { SessionPolicy } from './session/incoming-session.js';
import type { SessionKey } from './session/keys.js';
import type { TokenCache } from './session/token-cache.js';

/** Everything a route needs, built once by `startHub`. */
export interface HubState {
  readonly options: ResolvedHubOptions;
  readonly bundles: BundleHolder;
  readonly studio: StudioStore;
  /** Newest first. */
  readonly keys: readonly SessionKey[];
  /** The newest key: every token the hub issues is made with it. */
  readonly issuingKey: SessionKey;
  readonly tokenCache: TokenCache;
  /** The environment tokens are bound to, the session lifetime and the clock they are checked against. */
  readonly sessionPolicy: SessionPolicy;
  readonly logger: HubLogger;
  readonly usesDevelopmentSecret: boolean;
  /** Logs a failure bundle code raised after its answer (see `guardProcessAgainstBundleFaults`). */
  readonly reportBundleFault: (fault: BundleFault) => void;
}

export interface RouteCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** URL path without the query string. */
  readonly path: string;
  readonly search: string;
  readonly requestId: string;
}
