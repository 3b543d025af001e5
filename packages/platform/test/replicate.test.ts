import { describe, expect, it } from '@jest/globals';
import { guestSdk, sdkFailure, usePlatform } from './support/platform.js';

describe('POST /{projectKey}/carts/replicate', () => {
  const running = usePlatform();

  it('replicates the order of a signed-in guest (customerId and anonymousId) into a new Active cart', async () => {
    const { platform, client } = running;
    const guest = guestSdk(platform, 'replicating-guest');
    const cart = (await guest.api.me().carts().post({ body: { currency: 'EUR', country: 'DE' } }).execute()).body;
    const filled = (await guest.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 2 }] } }).execute()).body;
    const signIn = (await guest.api.me().login().post({ body: { email: platform.demoCustomer.email, password: platform.demoCustomer.password } }).execute()).body;
    const signedInCart = signIn.cart;
    expect(signedInCart?.customerId).toBe(signIn.customer.id);
    expect(signedInCart?.anonymousId).toBe('replicating-guest');
    const order = (await client.api.orders().post({ body: { cart: { typeId: 'cart', id: filled.id }, version: signedInCart?.version ?? 0 } }).execute()).body;

    const replica = await client.api.carts().replicate().post({ body: { reference: { typeId: 'order', id: order.id } } }).execute();
    expect(replica.statusCode).toBe(201);
    expect(replica.body.id).not.toBe(filled.id);
    expect(replica.body).toMatchObject({ cartState: 'Active', customerId: signIn.customer.id, country: 'DE', totalPrice: { currencyCode: 'EUR', fractionDigits: 2 } });
    expect(replica.body.lineItems.map((item) => [item.variant.sku, item.quantity])).toEqual([['MUG-ENAMEL-01', 2]]);

    const ofCart = await client.api.carts().replicate().post({ body: { reference: { typeId: 'cart', id: replica.body.id } } }).execute();
    expect(ofCart.body.lineItems).toHaveLength(1);
  });

  it('refuses an unknown reference and a malformed draft', async () => {
    const { client } = running;
    expect(await sdkFailure(client.api.carts().replicate().post({ body: { reference: { typeId: 'cart', id: 'nope' } } }).execute())).toMatchObject({ status: 400, code: 'InvalidInput' });
    expect(await sdkFailure(client.api.carts().replicate().post({ body: { reference: { typeId: 'product', id: 'x' } } as never }).execute())).toMatchObject({ status: 400, code: 'InvalidJsonInput' });
  });
});
