'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCart, useCartWrite } from '../../../components/useCart';
import { formatMoney } from '../../../lib/format';
import type { Cart, LineItem } from '../../../lib/shop-types';

const QUANTITIES = Array.from({ length: 10 }, (_, i) => i + 1);

function LineItemRow({ item, onChange }: { item: LineItem; onChange: (action: string, body: unknown) => Promise<void> }) {
  const inputId = `qty-${item.id}`;
  return (
    <li className="line-item" data-sku={item.sku}>
      {item.imageUrl !== undefined && <img src={item.imageUrl} alt="" width={80} height={80} />}
      <div className="line-item-info">
        <Link href={`/p/${encodeURIComponent(item.sku)}`} className="line-item-name">{item.name}</Link>
        <span className="muted">{formatMoney(item.unitPrice)} each</span>
      </div>
      <div className="line-item-actions">
        <label htmlFor={inputId}>Quantity</label>
        <select
          id={inputId}
          value={item.quantity}
          onChange={(event) => onChange('updateLineItem', { lineItemId: item.id, count: Number(event.target.value) })}
        >
          {[...new Set([...QUANTITIES, item.quantity])].sort((a, b) => a - b).map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
        <button type="button" className="button link" onClick={() => onChange('removeLineItem', { lineItemId: item.id })} aria-label={`Remove ${item.name}`}>
          Remove
        </button>
      </div>
      <span className="price">{formatMoney(item.total)}</span>
    </li>
  );
}

export function CartView({ initialCart }: { initialCart: Cart | undefined }) {
  const { data: cart, error: loadError } = useCart(initialCart);
  const write = useCartWrite();
  const [error, setError] = useState<unknown>(null);

  const change = async (action: string, body: unknown) => {
    setError(null);
    try {
      await write(action, body);
    } catch (caught) {
      setError(caught);
    }
  };

  if (cart === undefined) return loadError !== undefined ? <ErrorMessage error={loadError} /> : <p className="notice">Loading your cart…</p>;
  return (
    <section className="cart" aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      <ErrorMessage error={error} />
      {cart.lineItems.length === 0 ? (
        <p className="notice">Your cart is empty. <Link href="/">Continue shopping</Link></p>
      ) : (
        <>
          <ul className="line-items">
            {cart.lineItems.map((item) => (
              <LineItemRow key={item.id} item={item} onChange={change} />
            ))}
          </ul>
          <div className="cart-summary">
            <span>Total ({cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'})</span>
            <strong data-testid="cart-total">{formatMoney(cart.totalPrice)}</strong>
          </div>
          <Link href="/checkout" className="button primary">Go to checkout</Link>
        </>
      )}
    </section>
  );
}
