/**
 * The keys this project adds to the session (declaration merging, see @ctp-session/session).
 *
 * `cartVersion` is the version of the cart named by `cartId`, as of this shopper's last write. Every
 * cart update must send the current version; keeping it saves the read that would fetch it, so a cart
 * write is one request instead of two. When it is stale (the cart changed elsewhere) commercetools
 * answers 409 with the current version and the write is retried once with it.
 */
declare module '@ctp-session/session' {
  interface SessionData {
    cartVersion?: number;
    rewardPoints?: number;
  }
}

export {};
