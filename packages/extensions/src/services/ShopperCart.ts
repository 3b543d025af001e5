import type { Cart as CtCart, MyCartUpdateAction } from '@commercetools/platform-sdk';
import { BadRequestError } from '../errors.js';
import type { ActionScope } from '../actions/ActionScope.js';
import { CartApi } from '../commercetools/api/CartApi.js';
import { CommercetoolsApiError } from '../commercetools/http/CommercetoolsApiError.js';
import { DEFAULT_CURRENCY } from '../mappers/cartMapper.js';
import { cartReference, forgetCart, rememberCart, type CartReference } from '../session/cartReference.js';

/**
 * The cart the session points to. Reads never create anything; the first write opens the cart (with
 * its first line item, in the same request) and every write stores the cart's id and new version.
 *
 * A reference can go stale: the cart was ordered or merged (it can no longer be modified), deleted, or is
 * now someone else's (a guest's cart after sign-in). Every read and write notices it, forgets the cart and
 * goes on with the shopper's active cart, or a fresh one: nothing is written into a closed cart.
 */
export class ShopperCart {
  constructor(private readonly scope: ActionScope) {}

  /** The session's cart, or undefined (without asking commercetools when the session names none). */
  async current(): Promise<CtCart | undefined> {
    const ref = cartReference(this.scope.session);
    if (ref === undefined) return undefined;
    const api = await this.scope.existingShopperApi();
    if (api === undefined) {
      forgetCart(this.scope.session);
      return undefined;
    }
    const carts = new CartApi(api);
    const cart = await carts.getMyCart(ref.id);
    if (cart === undefined || cart.cartState !== 'Active') return this.replacement(carts);
    rememberCart(this.scope.session, cart);
    return cart;
  }

  async addLineItem(sku: string, quantity: number): Promise<CtCart> {
    const carts = new CartApi(await this.scope.shopperApi());
    const action: MyCartUpdateAction = { action: 'addLineItem', sku, quantity };
    const ref = cartReference(this.scope.session);
    let cart = ref === undefined ? undefined : await this.updateOrGone(carts, ref, [action]);
    if (cart === undefined && ref !== undefined) {
      const replacement = await this.replacement(carts);
      if (replacement !== undefined) cart = await carts.updateMyCart(replacement, [action]);
    }
    cart ??= await carts.createMyCart(DEFAULT_CURRENCY, [{ sku, quantity }]);
    rememberCart(this.scope.session, cart);
    return cart;
  }

  /**
   * Applies `actions` to the session's cart, or, when that is gone, to the shopper's active cart; undefined
   * (nothing written) for a shopper who has neither.
   */
  async update(actions: readonly MyCartUpdateAction[]): Promise<CtCart | undefined> {
    const ref = cartReference(this.scope.session);
    if (ref === undefined) return undefined;
    const carts = new CartApi(await this.scope.shopperApi());
    let cart = await this.updateOrGone(carts, ref, actions);
    if (cart === undefined) {
      const replacement = await this.replacement(carts);
      if (replacement === undefined) return undefined;
      cart = await carts.updateMyCart(replacement, actions);
    }
    rememberCart(this.scope.session, cart);
    return cart;
  }

  /**
   * One action on a line item of the session's cart. A 400 then means the line item is not in the cart.
   * When the cart itself is gone, the line item went with it: the answer is the cart the shopper has now
   * (the active one, or none), unchanged.
   */
  async updateLineItem(action: MyCartUpdateAction): Promise<CtCart | undefined> {
    const ref = cartReference(this.scope.session);
    if (ref === undefined) throw noCart();
    const carts = new CartApi(await this.scope.shopperApi());
    let cart: CtCart | undefined;
    try {
      cart = await this.updateOrGone(carts, ref, [action]);
    } catch (error) {
      if (error instanceof CommercetoolsApiError && error.status === 400) {
        throw new BadRequestError('There is no line item with this id in the cart. Reload the cart and try again.', 'UNKNOWN_LINE_ITEM');
      }
      throw error;
    }
    if (cart === undefined) return this.replacement(carts);
    rememberCart(this.scope.session, cart);
    return cart;
  }

  /** The updated cart, or undefined when the referenced cart can no longer take the update (see `isGone`). */
  private async updateOrGone(carts: CartApi, ref: CartReference, actions: readonly MyCartUpdateAction[]): Promise<CtCart | undefined> {
    try {
      return await carts.updateMyCart(ref, actions);
    } catch (error) {
      if (await isGone(carts, ref, error)) return undefined;
      throw error;
    }
  }

  /** Forgets the session's cart and adopts the shopper's active cart, if there is one. */
  private async replacement(carts: CartApi): Promise<CtCart | undefined> {
    forgetCart(this.scope.session);
    const active = await carts.getMyActiveCart();
    if (active === undefined || active.cartState !== 'Active') return undefined;
    rememberCart(this.scope.session, active);
    return active;
  }
}

/**
 * commercetools answers a cart that is not the shopper's (any more) or no longer exists with 404, and an update
 * of an Ordered or Merged cart with 400 InvalidOperation; InvalidOperation has other causes, so the cart's state
 * is read to tell (one request, on this error path only).
 */
async function isGone(carts: CartApi, ref: CartReference, error: unknown): Promise<boolean> {
  if (!(error instanceof CommercetoolsApiError)) return false;
  if (error.status === 404) return true;
  if (error.status !== 400 || error.code !== 'InvalidOperation') return false;
  const cart = await carts.getMyCart(ref.id);
  return cart === undefined || cart.cartState !== 'Active';
}

function noCart(): BadRequestError {
  return new BadRequestError('There is no cart yet: add a product first.', 'NO_CART');
}
