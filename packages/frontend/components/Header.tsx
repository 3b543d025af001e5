'use client';

import Link from 'next/link';
import { useCart } from './useCart';
import { useQueueLength } from './useQueueState';

export function Header() {
  const { data: cart } = useCart();
  const busy = useQueueLength();
  const count = cart?.itemCount ?? 0;
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Session Store
        </Link>
        <nav aria-label="Main">
          <Link href="/">Shop</Link>
          <Link href="/rewards">Rewards</Link>
          <Link href="/account">Account</Link>
          <Link href="/cart" className="cart-link">
            Cart <span className="badge" data-testid="cart-count" aria-label={`${count} items in cart`}>{count}</span>
          </Link>
        </nav>
        <span className={busy > 0 ? 'busy active' : 'busy'} role="status" aria-live="polite" data-testid="busy">
          {busy > 0 ? `Working… (${busy})` : ''}
        </span>
      </div>
    </header>
  );
}
