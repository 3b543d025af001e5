import type { Cart } from '../../../lib/shop-types';
import { dataSourceOf, type TasticProps } from '../../tastic-props';
import { CartView } from './CartView';

export default function CartTastic({ data }: TasticProps) {
  return <CartView initialCart={dataSourceOf<Cart>(data, 'cart') ?? undefined} />;
}
