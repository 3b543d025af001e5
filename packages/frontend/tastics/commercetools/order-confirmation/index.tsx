import Link from 'next/link';
import { formatMoney } from '../../../lib/format';
import type { Order } from '../../../lib/shop-types';
import { dataSourceOf, stringOf, type TasticProps } from '../../tastic-props';

export default function OrderConfirmationTastic({ data }: TasticProps) {
  const order = dataSourceOf<{ order: Order | null }>(data, 'order')?.order ?? null;
  const title = stringOf(data, 'title', 'Thank you for your order!');
  if (order === null) return <p className="notice">We could not find your order. <Link href="/">Back to the shop</Link></p>;
  const address = order.shippingAddress;
  return (
    <section className="order-confirmation" aria-labelledby="order-title">
      <h1 id="order-title">{title}</h1>
      <p data-testid="order-id">
        Order <strong>{order.orderNumber ?? order.id}</strong> placed on {new Date(order.createdAt).toLocaleDateString('en-GB')}.
      </p>
      <ul className="line-items compact">
        {order.lineItems.map((item) => (
          <li key={item.id} className="line-item" data-sku={item.sku}>
            <span>{item.quantity} × {item.name}</span>
            <span className="price">{formatMoney(item.total)}</span>
          </li>
        ))}
      </ul>
      <p className="cart-summary">
        <span>Total</span>
        <strong>{formatMoney(order.totalPrice)}</strong>
      </p>
      {address !== undefined && (
        <p className="muted">
          Shipping to{' '}
          {[
            [address.firstName, address.lastName],
            [address.streetName, address.streetNumber],
            [address.postalCode, address.city],
            [address.country],
          ]
            .map((parts) => parts.filter(Boolean).join(' '))
            .filter((line) => line !== '')
            .join(', ')}
        </p>
      )}
      <Link href="/" className="button">Continue shopping</Link>
    </section>
  );
}
