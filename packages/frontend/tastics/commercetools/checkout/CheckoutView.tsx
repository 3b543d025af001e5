'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useSWRConfig } from 'swr';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCart } from '../../../components/useCart';
import { formatMoney } from '../../../lib/format';
import { queuedAction } from '../../../lib/queued-action';
import { CART_PATH, type Address, type Cart, type Order } from '../../../lib/shop-types';
import { withoutErrorOf } from '../../../components/field-errors';

const COUNTRIES = [
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['NL', 'Netherlands'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
] as const;

const REQUIRED = { firstName: 'First name', lastName: 'Last name', streetName: 'Street', postalCode: 'Postal code', city: 'City' } as const;

export function CheckoutView({ initialCart }: { initialCart: Cart | undefined }) {
  const { data: cart } = useCart(initialCart);
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const raw = form.get(name);
      return typeof raw === 'string' ? raw.trim() : '';
    };
    const missing: Partial<Record<string, string>> = {};
    for (const [name, label] of Object.entries(REQUIRED)) if (value(name) === '') missing[name] = `${label} is required.`;
    if (!/^[A-Z]{2}$/.test(value('country'))) missing['country'] = 'Choose a country.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;

    const shippingAddress: Address = {
      firstName: value('firstName'),
      lastName: value('lastName'),
      streetName: value('streetName'),
      postalCode: value('postalCode'),
      city: value('city'),
      country: value('country'),
    };
    setBusy(true);
    setError(null);
    try {
      await queuedAction<Order>('/action/cart/checkout', { shippingAddress });
      await mutate(CART_PATH);
      router.push('/thank-you');
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

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
      <form className="card" onSubmit={submit} onInput={(event) => setErrors(withoutErrorOf(errors, event.target))} noValidate>
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
          <select id="checkout-country" name="country" defaultValue="DE" aria-invalid={errors['country'] !== undefined}>
            {COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>{name}</option>
            ))}
          </select>
          {errors['country'] !== undefined && <span className="field-error">{errors['country']}</span>}
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button primary" disabled={busy}>{busy ? 'Placing your order…' : 'Place order'}</button>
      </form>
    </section>
  );
}
