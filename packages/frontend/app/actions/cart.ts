'use server';

import { localPath, RETURN_TO_FIELD, textField, type FormState } from '../../lib/forms/form-state';
import { runFormAction } from '../../lib/forms/run-form-action';
import type { Cart } from '../../lib/shop-types';
import { storeSession } from '../../lib/store-session';

/** "Add to cart": `sku`, and the page to return to without JavaScript. */
export async function addToCart(_previous: FormState<Cart>, form: FormData): Promise<FormState<Cart>> {
  return runFormAction(form, {
    check: () => (textField(form, 'sku') === '' ? { sku: 'Choose a product.' } : {}),
    call: () => storeSession.callAction<Cart>({ actionName: 'cart/addToCart', payload: { sku: textField(form, 'sku'), count: 1 } }),
    redirectTo: () => localPath(form.get(RETURN_TO_FIELD), '/cart'),
  });
}

/** A cart line's form: `lineItemId`, `quantity`, and the button pressed (`intent`: `update` or `remove`). */
export async function changeCartLine(_previous: FormState<Cart>, form: FormData): Promise<FormState<Cart>> {
  const lineItemId = textField(form, 'lineItemId');
  const remove = textField(form, 'intent') === 'remove';
  const quantity = Number(textField(form, 'quantity'));
  return runFormAction(form, {
    check: () => ({
      ...(lineItemId === '' ? { lineItemId: 'Choose a line of the cart.' } : {}),
      ...(!remove && !(Number.isInteger(quantity) && quantity >= 0 && quantity <= 999) ? { quantity: 'Choose a quantity from 0 to 999.' } : {}),
    }),
    call: () =>
      remove
        ? storeSession.callAction<Cart>({ actionName: 'cart/removeLineItem', payload: { lineItemId } })
        : storeSession.callAction<Cart>({ actionName: 'cart/updateLineItem', payload: { lineItemId, count: quantity } }),
    redirectTo: () => '/cart',
  });
}
