import type { Cart, MyCartUpdateAction, MyLineItemDraft, Order } from '@commercetools/platform-sdk';
import { BadRequestError, ConflictError } from '../../errors.js';
import { CommercetoolsApiError } from '../http/CommercetoolsApiError.js';
import type { ProjectApi } from '../http/createProjectApi.js';
import { outOfReachAsUndefined } from '../http/notFoundAsUndefined.js';

export interface VersionedRef {
  readonly id: string;
  /** Our last known version; undefined makes the update read the cart first. */
  readonly version: number | undefined;
}

/** The shopper's carts and orders through the /me endpoints, with the shopper's own token. */
export class CartApi {
  constructor(private readonly api: ProjectApi) {}

  /** The cart with this id if it is the shopper's, else undefined. */
  async getMyCart(id: string): Promise<Cart | undefined> {
    return outOfReachAsUndefined(async () => (await this.api.me().carts().withId({ ID: id }).get().execute()).body);
  }

  async getMyActiveCart(): Promise<Cart | undefined> {
    return outOfReachAsUndefined(async () => (await this.api.me().activeCart().get().execute()).body);
  }

  /** Opens a cart, already holding `lineItems`, in one request. */
  async createMyCart(currency: string, lineItems: readonly MyLineItemDraft[] = []): Promise<Cart> {
    return withSkuCheck(async () => (await this.api.me().carts().post({ body: { currency, lineItems: [...lineItems] } }).execute()).body);
  }

  /**
   * Applies `actions` to the cart. A stale version gets one retry with the version commercetools
   * reports (or, failing that, a fresh read); a second conflict is a ConflictError.
   */
  async updateMyCart(ref: VersionedRef, actions: readonly MyCartUpdateAction[]): Promise<Cart> {
    const send = async (version: number): Promise<Cart> =>
      (await this.api.me().carts().withId({ ID: ref.id }).post({ body: { version, actions: [...actions] } }).execute()).body;
    const version = ref.version ?? (await this.currentVersion(ref.id));
    try {
      return await withSkuCheck(() => send(version));
    } catch (error) {
      if (!(error instanceof CommercetoolsApiError) || error.status !== 409) throw error;
      const fresh = error.currentVersion ?? (await this.currentVersion(ref.id));
      try {
        return await withSkuCheck(() => send(fresh));
      } catch (retryError) {
        if (retryError instanceof CommercetoolsApiError && retryError.status === 409) {
          throw new ConflictError('The cart kept changing while it was being updated. Reload it and try again.');
        }
        throw retryError;
      }
    }
  }

  /** Turns the cart into an order (one request); the same version rule as updates applies. */
  async orderMyCart(ref: VersionedRef): Promise<Order> {
    const send = async (version: number): Promise<Order> => (await this.api.me().orders().post({ body: { id: ref.id, version } }).execute()).body;
    const version = ref.version ?? (await this.currentVersion(ref.id));
    try {
      return await send(version);
    } catch (error) {
      if (!(error instanceof CommercetoolsApiError) || error.status !== 409 || error.currentVersion === undefined) throw error;
      return send(error.currentVersion);
    }
  }

  private async currentVersion(id: string): Promise<number> {
    return (await this.api.me().carts().withId({ ID: id }).get().execute()).body.version;
  }
}

/** commercetools refuses a line item for an unknown SKU with a 400 that names the SKU. */
async function withSkuCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof CommercetoolsApiError && error.status === 400 && /sku/i.test(error.message)) {
      throw new BadRequestError('There is no product with this SKU. Check the SKU and try again.', 'UNKNOWN_SKU');
    }
    throw error;
  }
}
