import type { Cart } from '../../../lib/shop-types';
import { dataSourceOf, type TasticProps } from '../../tastic-props';
import { CheckoutView } from './CheckoutView';

export default function CheckoutTastic({ data }: TasticProps) {
  return <CheckoutView initialCart={dataSourceOf<Cart>(data, 'cart') ?? undefined} />;
}
