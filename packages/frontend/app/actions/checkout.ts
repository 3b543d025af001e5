'use server';

import { type FormState } from '../../lib/forms/form-state';
import { runFormAction } from '../../lib/forms/run-form-action';
import { readShippingAddress } from '../../lib/forms/shipping-address';
import type { Order } from '../../lib/shop-types';
import { storeSession } from '../../lib/store-session';

/** Place the order: the shipping address fields of the checkout form. */
export async function placeOrder(_previous: FormState<Order>, form: FormData): Promise<FormState<Order>> {
  const { address, fields } = readShippingAddress(form);
  return runFormAction(form, {
    check: () => fields,
    values: () => Object.fromEntries(Object.entries(address).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    call: () => storeSession.callAction<Order>({ actionName: 'cart/checkout', payload: { shippingAddress: address } }),
    redirectTo: () => '/thank-you',
  });
}
