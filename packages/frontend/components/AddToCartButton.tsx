'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { useCartWrite } from './useCart';

export function AddToCartButton({ sku, name, count = 1 }: { sku: string; name: string; count?: number }) {
  const write = useCartWrite();
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'adding' | 'added'>('idle');
  const [error, setError] = useState<unknown>(null);

  const add = async () => {
    setState('adding');
    setError(null);
    try {
      await write('addToCart', { sku, count });
      setState('added');
      // Server-rendered tastics (the cart id, …) read the session the write just changed.
      router.refresh();
    } catch (caught) {
      setError(caught);
      setState('idle');
    }
  };

  return (
    <div className="add-to-cart">
      <button type="button" className="button primary" onClick={add} disabled={state === 'adding'} aria-label={`Add ${name} to cart`}>
        {state === 'adding' ? 'Adding…' : state === 'added' ? 'Added ✓' : 'Add to cart'}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
