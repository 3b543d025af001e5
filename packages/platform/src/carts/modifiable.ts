import type { Cart } from '@commercetools/platform-sdk';
import { apiError, concurrentModification } from '../errors.js';

/**
 * What commercetools checks before any cart update: the version first (409 ConcurrentModification), then the
 * state: an Ordered or Merged cart can no longer be modified (400 InvalidOperation). The mock skips both.
 */
export function assertCartUpdatable(cart: Cart, version: number): void {
  if (cart.version !== version) throw concurrentModification(cart.id, version, cart.version);
  if (cart.cartState !== 'Active') {
    throw apiError(400, 'InvalidOperation', `Cart '${cart.id}' is ${cart.cartState} and can no longer be modified; only an Active cart can be updated.`);
  }
}
