'use client';

import { usePathname } from 'next/navigation';
import { useSWRConfig } from 'swr';
import { addToCart } from '../app/actions/cart';
import { RETURN_TO_FIELD } from '../lib/forms/form-state';
import { CART_PATH } from '../lib/shop-types';
import { FormStateError } from './ErrorMessage';
import { useQueuedForm } from './useQueuedForm';

/** "Add to cart" as a form: posted to its Server Action without JavaScript, sent through the queue with it. */
export function AddToCartButton({ sku, name }: { sku: string; name: string }) {
  const { mutate } = useSWRConfig();
  const pathname = usePathname();
  const { state, formAction, onSubmit, pending } = useQueuedForm(addToCart, {
    actionPath: '/action/cart/addToCart',
    onDone: (cart) => mutate(CART_PATH, cart, { revalidate: false }).then(() => undefined),
  });

  return (
    <form className="add-to-cart" action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name={RETURN_TO_FIELD} value={pathname} />
      <button type="submit" className="button primary" disabled={pending} aria-label={`Add ${name} to cart`}>
        {pending ? 'Adding…' : state.status === 'done' ? 'Added ✓' : 'Add to cart'}
      </button>
      <FormStateError state={state} />
    </form>
  );
}
