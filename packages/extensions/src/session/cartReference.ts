import type { CtpSession } from '@ctp-session/session';
import './sessionKeys.js';

/** The cart the session points to: its id and, when known, the version of our last write. */
export interface CartReference {
  readonly id: string;
  readonly version: number | undefined;
}

export function cartReference(session: CtpSession): CartReference | undefined {
  const id = session.cartId;
  if (id === undefined) return undefined;
  const version = session.get('cartVersion');
  return { id, version: typeof version === 'number' ? version : undefined };
}

export function rememberCart(session: CtpSession, cart: { readonly id: string; readonly version: number }): void {
  session.cartId = cart.id;
  session.set('cartVersion', cart.version);
}

export function forgetCart(session: CtpSession): void {
  session.cartId = undefined;
  session.set('cartVersion', undefined);
}
