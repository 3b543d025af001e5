'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useSWRConfig } from 'swr';
import { placeOrder } from '../../../app/actions/checkout';
import { FormStateError } from '../../../components/ErrorMessage';
import { useCart } from '../../../components/useCart';
import { useQueuedForm } from '../../../components/useQueuedForm';
import { formatMoney } from '../../../lib/format';
import { COUNTRIES, readShippingAddress, REQUIRED } from '../../../lib/forms/shipping-address';
import { CART_PATH, type Cart } from '../../../lib/shop-types';

export function CheckoutView({ initialCart }: { initialCart: Cart | undefined }) {
  const { data: cart } = useCart(initialCart);
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const { state, formAction, onSubmit, onInput, pending } = useQueuedForm(placeOrder, {
    actionPath: '/action/cart/checkout',
    check: (form) => readShippingAddress(form).fields,
    onDone: async () => {
      await mutate(CART_PATH);
      router.push('/thank-you');
    },
  });
  const errors = state.status === 'failed' ? (state.fields ?? {}) : {};
  // Without JavaScript the page is rendered again after a failure: what was typed comes back.
  const values = state.status === 'failed' ? (state.values ?? {}) : {};

  if (cart !== undefined && cart.lineItems.length === 0) {
    return (
      <section className="checkout">
        <h1>Checkout</h1>
        <p className="notice">Your cart is empty. <Link href="/">Find something you like</Link></p>
      </section>
    );
  }

  const input = (name: keyof typeof REQUIRED, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`checkout-${name}`}>{REQUIRED[name]}</label>
      <input
        id={`checkout-${name}`}
        name={name}
        autoComplete={autoComplete}
        required
        defaultValue={values[name]}
        aria-invalid={errors[name] !== undefined}
        aria-describedby={errors[name] === undefined ? undefined : `checkout-${name}-error`}
      />
      {errors[name] !== undefined && <span className="field-error" id={`checkout-${name}-error`}>{errors[name]}</span>}
    </div>
  );

  return (
    <section className="checkout" aria-labelledby="checkout-title">
      <h1 id="checkout-title">Checkout</h1>
      {cart !== undefined && (
        <p className="cart-summary">
          <span>{cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}</span>
          <strong>{formatMoney(cart.totalPrice)}</strong>
        </p>
      )}
      <form className="card" action={formAction} onSubmit={onSubmit} onInput={onInput} noValidate>
        <h2>Shipping address</h2>
        <div className="field-row">
          {input('firstName', 'given-name')}
          {input('lastName', 'family-name')}
        </div>
        {input('streetName', 'street-address')}
        <div className="field-row">
          {input('postalCode', 'postal-code')}
          {input('city', 'address-level2')}
        </div>
        <div className="field">
          <label htmlFor="checkout-country">Country</label>
          <select id="checkout-country" name="country" defaultValue={values['country'] ?? 'DE'} aria-invalid={errors['country'] !== undefined}>
            {COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>{name}</option>
            ))}
          </select>
          {errors['country'] !== undefined && <span className="field-error">{errors['country']}</span>}
        </div>
        <FormStateError state={state} />
        <button type="submit" className="button primary" disabled={pending}>{pending ? 'Placing your order…' : 'Place order'}</button>
      </form>
    </section>
  );
}
