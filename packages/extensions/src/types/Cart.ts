import type { Money } from './Money.js';

export interface LineItem {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly total: Money;
  readonly imageUrl?: string;
}

/** The shopper's cart as actions and data sources return it. An empty cart has `id: null`. */
export interface Cart {
  readonly id: string | null;
  readonly currency: string;
  readonly lineItems: readonly LineItem[];
  /** Sum of quantities, for the cart count in the header. */
  readonly itemCount: number;
  readonly totalPrice: Money;
}
