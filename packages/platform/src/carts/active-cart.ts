import type { Cart } from '@commercetools/platform-sdk';
import type { MockGateway, Predicate } from '../mock/gateway.js';

/** commercetools' "active cart": the most recently modified cart in state Active. */
export async function findActiveCart(gateway: MockGateway, owner: Predicate): Promise<Cart | undefined> {
  const carts = await gateway.queryAll<Cart>('carts', [owner, { where: 'cartState = "Active"', vars: {} }]);
  let newest: Cart | undefined;
  for (const cart of carts) if (!newest || cart.lastModifiedAt > newest.lastModifiedAt) newest = cart;
  return newest;
}
