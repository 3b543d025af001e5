import type { LineItem } from './Cart.js';
import type { Money } from './Money.js';

export interface Address {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly streetName?: string;
  readonly streetNumber?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly country: string;
  readonly email?: string;
}

export interface Order {
  readonly id: string;
  readonly orderNumber?: string;
  readonly createdAt: string;
  readonly currency: string;
  readonly lineItems: readonly LineItem[];
  readonly itemCount: number;
  readonly totalPrice: Money;
  readonly shippingAddress?: Address;
  readonly customerId?: string;
}
