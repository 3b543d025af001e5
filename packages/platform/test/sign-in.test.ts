import { afterAll, beforeEach, afterEach, describe, expect, it } from '@jest/globals';
import type { Cart, Customer } from '@commercetools/platform-sdk';
import { api, clientSdk, customerSdk, guestSdk, sdkFailure, startPlatform, type Platform, type SdkClient } from './support/platform.js';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function cartWith(shopper: SdkClient, items: Record<string, number>): Promise<Cart> {
  let cart = (await shopper.api.me().carts().post({ body: { currency: 'EUR' } }).execute()).body;
  const actions = Object.entries(items).map(([sku, quantity]) => ({ action: 'addLineItem' as const, sku, quantity }));
  if (actions.length > 0) cart = (await shopper.api.me().carts().withId({ ID: cart.id }).post({ body: { version: cart.version, actions } }).execute()).body;
  return cart;
}

const quantities = (cart: Cart | undefined) => Object.fromEntries((cart?.lineItems ?? []).map((item) => [item.variant.sku, item.quantity]));

describe('sign-in and sign-up hand the guest session over', () => {
  let platform: Platform;
  let customer: SdkClient;
  let me: Customer;
  const { email, password } = { email: 'demo@example.com', password: 'demo-password' };

  // A fresh platform per test: each starts from a customer with no carts.
  beforeEach(async () => {
    platform = await startPlatform({ port: 0 });
    customer = customerSdk(platform, email, password);
    me = (await customer.api.me().get().execute()).body;
  });
  afterEach(async () => {
    await platform.close();
  });
  afterAll(() => undefined);

  it('MergeWithExistingCustomerCart: items merged, larger quantity kept, guest cart Merged, guest carts and orders assigned', async () => {
    const guest = guestSdk(platform, 'merging-guest');
    const orderedCart = await cartWith(guest, { 'LAMP-READ-01': 1 });
    const guestOrder = (await guest.api.me().orders().post({ body: { id: orderedCart.id, version: orderedCart.version } }).execute()).body;
    const customerCart = await cartWith(customer, { 'MUG-ENAMEL-01': 1, 'PEN-FOUNTAIN-F': 3 });
    await pause();
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 2, 'PEN-FOUNTAIN-F': 1, 'VASE-CERAMIC-M': 1 });

    const result = await guest.api.me().login().post({ body: { email, password } }).execute();
    expect(result.body.customer.id).toBe(me.id);
    expect(result.body.cart?.id).toBe(customerCart.id);
    expect(quantities(result.body.cart)).toEqual({ 'MUG-ENAMEL-01': 2, 'PEN-FOUNTAIN-F': 3, 'VASE-CERAMIC-M': 1 });

    const admin = clientSdk(platform);
    const mergedGuestCart = (await admin.api.carts().withId({ ID: guestCart.id }).get().execute()).body;
    expect(mergedGuestCart.cartState).toBe('Merged');
    expect((await admin.api.carts().withId({ ID: orderedCart.id }).get().execute()).body.customerId).toBe(me.id);
    expect((await admin.api.orders().withId({ ID: guestOrder.id }).get().execute()).body.customerId).toBe(me.id);

    const active = await customer.api.me().activeCart().get().execute();
    expect(active.body.id).toBe(customerCart.id);
    const orders = await customer.api.me().orders().get().execute();
    expect(orders.body.results.map((order) => order.id)).toContain(guestOrder.id);
    // The guest token no longer sees what now belongs to the customer.
    expect((await guest.api.me().orders().get().execute()).body.total).toBe(0);
    expect((await sdkFailure(guest.api.me().activeCart().get().execute())).status).toBe(404);
  });

  it('MergeWithExistingCustomerCart without a customer cart: the guest cart becomes the customer’s', async () => {
    const guest = guestSdk(platform, 'guest-no-customer-cart');
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 2 });
    const result = await guest.api.me().login().post({ body: { email, password } }).execute();
    expect(result.body.cart?.id).toBe(guestCart.id);
    expect(result.body.cart?.customerId).toBe(me.id);
    expect(result.body.cart?.cartState).toBe('Active');
    expect((await customer.api.me().activeCart().get().execute()).body.id).toBe(guestCart.id);
  });

  it('UseAsNewActiveCustomerCart: the guest cart becomes the customer’s active cart, unmerged', async () => {
    const customerCart = await cartWith(customer, { 'PEN-FOUNTAIN-F': 1 });
    const guest = guestSdk(platform, 'guest-use-as-new');
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 2 });
    const result = await guest.api.me().login().post({ body: { email, password, activeCartSignInMode: 'UseAsNewActiveCustomerCart' } }).execute();
    expect(result.body.cart?.id).toBe(guestCart.id);
    expect(quantities(result.body.cart)).toEqual({ 'MUG-ENAMEL-01': 2 });
    expect((await customer.api.me().activeCart().get().execute()).body.id).toBe(guestCart.id);
    const oldCart = (await customer.api.me().carts().withId({ ID: customerCart.id }).get().execute()).body;
    expect(quantities(oldCart)).toEqual({ 'PEN-FOUNTAIN-F': 1 });
  });

  it('login without a guest cart returns the customer and their active cart', async () => {
    const customerCart = await cartWith(customer, { 'PEN-FOUNTAIN-F': 1 });
    const result = await guestSdk(platform, 'empty-guest').api.me().login().post({ body: { email, password } }).execute();
    expect(result.body.cart?.id).toBe(customerCart.id);
  });

  it('refuses wrong credentials with 400 InvalidCredentials and a bad mode with InvalidJsonInput', async () => {
    const guest = guestSdk(platform, 'wrong-password-guest');
    const wrong = await sdkFailure(guest.api.me().login().post({ body: { email, password: 'nope' } }).execute());
    expect(wrong.status).toBe(400);
    expect(wrong.code).toBe('InvalidCredentials');
    const badMode = await sdkFailure(guest.api.me().login().post({ body: { email, password, activeCartSignInMode: 'Whatever' as never } }).execute());
    expect(badMode.status).toBe(400);
    expect(badMode.code).toBe('InvalidJsonInput');
  });

  it('POST /login merges the named anonymousCart and assigns the anonymousId’s carts and orders', async () => {
    const customerCart = await cartWith(customer, { 'MUG-ENAMEL-01': 5 });
    const guest = guestSdk(platform, 'server-side-guest');
    const otherGuestCart = await cartWith(guest, { 'LAMP-READ-01': 1 });
    await pause();
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 1, 'CHAIR-CAMP-01': 1 });
    const admin = clientSdk(platform);
    const result = await admin.api
      .login()
      .post({ body: { email, password, anonymousCart: { typeId: 'cart', id: guestCart.id }, anonymousCartSignInMode: 'MergeWithExistingCustomerCart', anonymousId: 'server-side-guest' } })
      .execute();
    expect(result.body.customer.id).toBe(me.id);
    expect(result.body.cart?.id).toBe(customerCart.id);
    expect(quantities(result.body.cart)).toEqual({ 'MUG-ENAMEL-01': 5, 'CHAIR-CAMP-01': 1 });
    expect((await admin.api.carts().withId({ ID: guestCart.id }).get().execute()).body.cartState).toBe('Merged');
    const other = (await admin.api.carts().withId({ ID: otherGuestCart.id }).get().execute()).body;
    expect(other.customerId).toBe(me.id);
    expect(other.cartState).toBe('Active');
    expect((await customer.api.me().activeCart().get().execute()).body.id).toBe(customerCart.id);
  });

  it('POST /login refuses an unknown anonymousCart and wrong credentials', async () => {
    const admin = clientSdk(platform);
    const unknown = await sdkFailure(admin.api.login().post({ body: { email, password, anonymousCart: { typeId: 'cart', id: 'no-such-cart' } } }).execute());
    expect(unknown.status).toBe(400);
    expect(unknown.code).toBe('ReferencedResourceNotFound');
    const wrong = await sdkFailure(admin.api.login().post({ body: { email: 'nobody@example.com', password } }).execute());
    expect(wrong.code).toBe('InvalidCredentials');
  });

  it('/me/signup with a guest token assigns the guest’s carts and orders to the new customer', async () => {
    const guest = guestSdk(platform, 'signing-up-guest');
    const ordered = await cartWith(guest, { 'LAMP-READ-01': 1 });
    const order = (await guest.api.me().orders().post({ body: { id: ordered.id, version: ordered.version } }).execute()).body;
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 1 });
    const signup = await guest.api.me().signup().post({ body: { email: 'New.Shopper@example.com', password: 'secret-1', firstName: 'New' } }).execute();
    expect(signup.statusCode).toBe(201);
    const newId = signup.body.customer.id;
    expect(signup.body.cart?.id).toBe(guestCart.id);
    expect(signup.body.cart?.customerId).toBe(newId);

    const newCustomer = customerSdk(platform, 'new.shopper@example.com', 'secret-1');
    expect((await newCustomer.api.me().get().execute()).body.id).toBe(newId);
    expect((await newCustomer.api.me().activeCart().get().execute()).body.id).toBe(guestCart.id);
    expect((await newCustomer.api.me().orders().get().execute()).body.results.map((o) => o.id)).toEqual([order.id]);
  });

  it('POST /customers with anonymousId and anonymousCart hands that guest session to the new customer', async () => {
    const guest = guestSdk(platform, 'server-side-signup-guest');
    const ordered = await cartWith(guest, { 'LAMP-READ-01': 1 });
    const order = (await guest.api.me().orders().post({ body: { id: ordered.id, version: ordered.version } }).execute()).body;
    const guestCart = await cartWith(guest, { 'MUG-ENAMEL-01': 1 });
    const admin = clientSdk(platform);
    const created = await admin.api
      .customers()
      .post({ body: { email: 'server@example.com', password: 'pw-1', anonymousId: 'server-side-signup-guest', anonymousCart: { typeId: 'cart', id: guestCart.id } } })
      .execute();
    expect(created.statusCode).toBe(201);
    expect(created.body.cart?.id).toBe(guestCart.id);
    const newCustomer = customerSdk(platform, 'server@example.com', 'pw-1');
    expect((await newCustomer.api.me().activeCart().get().execute()).body.id).toBe(guestCart.id);
    expect((await newCustomer.api.me().orders().get().execute()).body.results.map((o) => o.id)).toEqual([order.id]);
    const plain = await admin.api.customers().post({ body: { email: 'plain@example.com' } }).execute();
    expect(plain.body.cart).toBeUndefined();
    const unknownCart = await sdkFailure(
      admin.api.customers().post({ body: { email: 'x@example.com', anonymousCart: { typeId: 'cart', id: 'no-such-cart' } } }).execute(),
    );
    expect(unknownCart.code).toBe('ReferencedResourceNotFound');
    expect((await admin.api.customers().get({ queryArgs: { where: 'email = "x@example.com"' } }).execute()).body.total).toBe(0);
  });

  it('/me/signup refuses a taken email and a draft without password', async () => {
    const guest = guestSdk(platform, 'duplicate-guest');
    const taken = await sdkFailure(guest.api.me().signup().post({ body: { email, password: 'x' } }).execute());
    expect(taken.status).toBe(400);
    expect(taken.code).toBe('DuplicateField');
    await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    const token = guest.tokens.current()?.token as string;
    const noPassword = await api(platform, 'POST', '/me/signup', token, { email: 'someone@example.com' });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.errors[0].code).toBe('InvalidJsonInput');
  });
});

describe('/me profile', () => {
  let platform: Platform;
  beforeEach(async () => {
    platform = await startPlatform({ port: 0 });
  });
  afterEach(async () => {
    await platform.close();
  });

  it('is refused to an anonymous token, as commercetools refuses it', async () => {
    const failure = await sdkFailure(guestSdk(platform, 'profile-guest').api.me().get().execute());
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('insufficient_scope');
  });

  it('is the token’s own customer, and updates go to that customer only', async () => {
    const other = await clientSdk(platform).api.customers().post({ body: { email: 'other@example.com', password: 'other-pass' } }).execute();
    const customer = customerSdk(platform, 'other@example.com', 'other-pass');
    const me = (await customer.api.me().get().execute()).body;
    expect(me.id).toBe(other.body.customer.id);
    const updated = await customer.api.me().post({ body: { version: me.version, actions: [{ action: 'setFirstName', firstName: 'Otto' }] } }).execute();
    expect(updated.body.firstName).toBe('Otto');
    const demo = (await customerSdk(platform, platform.demoCustomer.email, platform.demoCustomer.password).api.me().get().execute()).body;
    expect(demo.firstName).toBe('Demo');
  });

  it('other /me endpoints the mock answers unscoped are refused', async () => {
    const guest = guestSdk(platform, 'shopping-list-guest');
    await guest.api.me().carts().post({ body: { currency: 'EUR' } }).execute();
    const answer = await api(platform, 'POST', '/me/password', guest.tokens.current()?.token, { version: 1, currentPassword: 'a', newPassword: 'b' });
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0].code).toBe('ResourceNotFound');
  });
});
