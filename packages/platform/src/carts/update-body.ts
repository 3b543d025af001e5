import type { Cart } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';
import { assertCartUpdatable } from './modifiable.js';
import { withQuotedSkusResolved } from './quoted-skus.js';
import type { CartUpdate } from './update-validation.js';

/**
 * The body to send the mock for a validated update of a known cart: the version and state checks the mock skips
 * (it skips the version check when there is nothing to do, and the state check always), then quoted SKUs resolved.
 */
export async function cartUpdateBody(gateway: MockGateway, cart: Cart, update: CartUpdate): Promise<string> {
  assertCartUpdatable(cart, update.version);
  return JSON.stringify(await withQuotedSkusResolved(gateway, { ...update }, 'actions'));
}
