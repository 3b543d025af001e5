import type { LineItem as CtLineItem } from '@commercetools/platform-sdk';
import type { LineItem } from '../types/Cart.js';
import { localized } from './localized.js';
import { mapMoney } from './moneyMapper.js';

export function mapLineItem(item: CtLineItem, locale: string): LineItem {
  const unitPrice = mapMoney(item.price.discounted?.value ?? item.price.value);
  const imageUrl = item.variant.images?.[0]?.url;
  return {
    id: item.id,
    sku: item.variant.sku ?? '',
    name: localized(item.name, locale),
    quantity: item.quantity,
    unitPrice,
    total: mapMoney(item.totalPrice),
    imageUrl,
  };
}

export function countItems(items: readonly { quantity: number }[]): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}
