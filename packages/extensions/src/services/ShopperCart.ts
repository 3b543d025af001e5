import type { Cart as CtCart, MyCartUpdateAction } from '@commercetools/platform-sdk';
import { BadRequestError } from '../errors.js';
import type { ActionScope } from '../actions/ActionScope.js';
import { CartApi } from '../commercetools/api/CartApi.js';
import { CommercetoolsApiError } from '../commercetools/http/CommercetoolsApiError.js';
import { DEFAULT_CURRENCY } from '../mappers/cartMapper.js';
import { cartReference, forgetCart, rememberCart } from '../session/cartReference.js';

/**
 * The cart the session points to. Reads never create anything; the first write opens the cart (with
 * its first line item, in the same request) and every write stores the cart's id and new version.
 */
export class ShopperCart {
  constructor(private readonly scope: ActionScope) {}

  /** The session's cart, or undefined (without asking commercetools when the session names none). */
  async current(): Promise<CtCart | undefined> {
    const ref = cartReference(this.scope.session);
    if (ref === undefined) return undefined;
    const api = await this.scope.existingShopperApi();
    const cart = api && (await new CartApi(api).getMyCart(ref.id));
    if (cart === undefined || cart.cartState !== 'Active') {
      forgetCart(this.scope.session);
      return undefined;
    }
    rememberCart(this.scope.session, cart);
    return cart;
  }

  async addLineItem(sku: string, quantity: number): Promise<CtCart> {
    const carts = new CartApi(await this.scope.shopperApi());
    const ref = cartReference(this.scope.session);
    let cart: CtCart | undefined;
    if (ref !== undefined) cart = await carts.updateMyCart(ref, [{ action: 'addLineItem', sku, quantity }]).catch(goneAsUndefined);
    cart ??= await carts.createMyCart(DEFAULT_CURRENCY, [{ sku, quantity }]);
    rememberCart(this.scope.session, cart);
    return cart;
  }

  /** Applies `actions` to the existing cart; a shopper without one gets a 400. */
  async update(actions: readonly MyCartUpdateAction[]): Promise<CtCart> {
    const ref = cartReference(this.scope.session);
    if (ref === undefined) throw new BadRequestError('There is no cart yet: add a product first.', 'NO_CART');
    const cart = await new CartApi(await this.scope.shopperApi()).updateMyCart(ref, actions);
    rememberCart(this.scope.session, cart);
    return cart;
  }

  /** `update` for actions on one line item: commercetools' 400 then means the id is not in the cart. */
  async updateLineItem(action: MyCartUpdateAction): Promise<CtCart> {
    try {
      return await this.update([action]);
    } catch (error) {
      if (error instanceof CommercetoolsApiError && error.status === 400) {
        throw new BadRequestError('There is no line item with this id in the cart. Reload the cart and try again.', 'UNKNOWN_LINE_ITEM');
      }
      throw error;
    }
  }
}

/** A cart that no longer exists (or is no longer the shopper's) is replaced by a new one. */
function goneAsUndefined(error: unknown): undefined {
  if (error instanceof CommercetoolsApiError && error.status === 404) return undefined;
  throw error;
}
