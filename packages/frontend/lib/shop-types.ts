/** The JSON shapes the extensions return (see packages/extensions/README.md). */
export interface Money {
  centAmount: number;
  currencyCode: string;
  fractionDigits: number;
}

export interface LineItem {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  imageUrl?: string;
}

export interface Cart {
  id: string | null;
  currency: string;
  lineItems: LineItem[];
  itemCount: number;
  totalPrice: Money;
}

export interface Product {
  productId: string;
  sku: string;
  name: string;
  description: string;
  slug: string;
  price?: Money;
  imageUrl?: string;
  categoryIds: string[];
}

export interface Customer {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface Account {
  loggedIn: boolean;
  customer?: Customer;
}

export interface Address {
  firstName?: string;
  lastName?: string;
  streetName?: string;
  streetNumber?: string;
  postalCode?: string;
  city?: string;
  country: string;
  email?: string;
}

export interface Order {
  id: string;
  orderNumber?: string;
  createdAt: string;
  currency: string;
  lineItems: LineItem[];
  itemCount: number;
  totalPrice: Money;
  shippingAddress?: Address;
  customerId?: string;
}

/** A data source that failed answers with this payload instead of failing the page. */
export interface DataSourceError {
  error: { code: string; message: string };
}

export const CART_PATH = '/action/cart/getCart';
export const ACCOUNT_PATH = '/action/account/getAccount';
export const SIGNED_OUT: Account = { loggedIn: false };
