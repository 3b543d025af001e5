'use client';

import Link from 'next/link';
import { useRef } from 'react';
import { useSWRConfig } from 'swr';
import { changeCartLine } from '../../../app/actions/cart';
import { ErrorMessage, FormStateError } from '../../../components/ErrorMessage';
import { useCart } from '../../../components/useCart';
import { useQueuedForm } from '../../../components/useQueuedForm';
import { formatMoney } from '../../../lib/format';
import { CART_PATH, type Cart, type LineItem } from '../../../lib/shop-types';

const QUANTITIES = Array.from({ length: 10 }, (_, i) => i + 1);

/** One line: its quantity and "Remove" are one form (the button pressed says which); with JavaScript a new quantity is sent at once. */
function LineItemRow({ item }: { item: LineItem }) {
  const { mutate } = useSWRConfig();
  const update = useRef<HTMLButtonElement>(null);
  const { state, formAction, onSubmit, pending } = useQueuedForm(changeCartLine, {
    actionPath: '/action/cart/updateLineItem',
    onDone: (cart) => mutate(CART_PATH, cart, { revalidate: false }).then(() => undefined),
  });
  const inputId = `qty-${item.id}`;
  return (
    <li className="line-item" data-sku={item.sku}>
      {item.imageUrl !== undefined && <img src={item.imageUrl} alt="" width={80} height={80} />}
      <div className="line-item-info">
        <Link href={`/p/${encodeURIComponent(item.sku)}`} className="line-item-name">{item.name}</Link>
        <span className="muted">{formatMoney(item.unitPrice)} each</span>
      </div>
      <form className="line-item-actions" action={formAction} onSubmit={onSubmit}>
        <input type="hidden" name="lineItemId" value={item.id} />
        <label htmlFor={inputId}>Quantity</label>
        <select id={inputId} name="quantity" key={item.quantity} defaultValue={item.quantity} disabled={pending} onChange={(event) => event.currentTarget.form?.requestSubmit(update.current)}>
          {[...new Set([...QUANTITIES, item.quantity])].sort((a, b) => a - b).map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
        <button ref={update} type="submit" name="intent" value="update" className="button link" disabled={pending} aria-label={`Update the quantity of ${item.name}`}>
          Update
        </button>
        <button type="submit" name="intent" value="remove" className="button link" disabled={pending} aria-label={`Remove ${item.name}`}>
          Remove
        </button>
        <FormStateError state={state} />
      </form>
      <span className="price">{formatMoney(item.total)}</span>
    </li>
  );
}

export function CartView({ initialCart }: { initialCart: Cart | undefined }) {
  const { data: cart, error: loadError } = useCart(initialCart);

  if (cart === undefined) return loadError !== undefined ? <ErrorMessage error={loadError} /> : <p className="notice">Loading your cart…</p>;
  return (
    <section className="cart" aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      {cart.lineItems.length === 0 ? (
        <p className="notice">Your cart is empty. <Link href="/">Continue shopping</Link></p>
      ) : (
        <>
          <ul className="line-items">
            {cart.lineItems.map((item) => (
              <LineItemRow key={item.id} item={item} />
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
