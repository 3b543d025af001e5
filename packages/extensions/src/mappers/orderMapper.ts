import type { Address as CtAddress, Order as CtOrder } from '@commercetools/platform-sdk';
import type { Address, Order } from '../types/Order.js';
import { countItems, mapLineItem } from './lineItemMapper.js';
import { mapMoney } from './moneyMapper.js';

export function mapOrder(order: CtOrder, locale: string): Order {
  const lineItems = order.lineItems.map((item) => mapLineItem(item, locale));
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    createdAt: order.createdAt,
    currency: order.totalPrice.currencyCode,
    lineItems,
    itemCount: countItems(lineItems),
    totalPrice: mapMoney(order.totalPrice),
    shippingAddress: order.shippingAddress && mapAddress(order.shippingAddress),
    customerId: order.customerId,
  };
}

export function mapAddress(address: CtAddress): Address {
  const { firstName, lastName, streetName, streetNumber, postalCode, city, country, email } = address;
  return { firstName, lastName, streetName, streetNumber, postalCode, city, country, email };
}
