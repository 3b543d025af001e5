import type { Money } from './Money.js';

export interface Product {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly slug: string;
  readonly price?: Money;
  readonly imageUrl?: string;
  readonly categoryIds: readonly string[];
}
