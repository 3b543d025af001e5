import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Cart, Order } from '@commercetools/platform-sdk';
import { api, tokenRequest, usePlatform } from './support/platform.js';

// What a B2B storefront does (observed with the B2B launchpad): it creates a company business unit for a new
// customer, then keeps its cart through the Associate Carts API and checks that the cart it finds references
// that unit (`cart.businessUnit.key`) before it uses it.
describe('/as-associate/{associateId}/in-business-unit/key={key}: carts and orders of a business unit', () => {
  const running = usePlatform();
  let admin: string;
  let buyer: string;
  let outsider: string;
  const unitA = `company-a-${Date.now()}`;
  const unitB = `company-b-${Date.now()}`;
  const unitC = `company-c-${Date.now()}`;

  async function clientToken(scope?: string): Promise<string> {
    const answer = await tokenRequest(running.platform, '/oauth/token', { grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) });
    if (answer.status !== 200) throw new Error(`client token: ${answer.status}`);
    return answer.body.access_token as string;
  }

  async function customer(name: string): Promise<string> {
    const answer = await api(running.platform, 'POST', '/customers', admin, { email: `${name}-${Date.now()}@example.com`, password: 'associate-password' });
    if (answer.status !== 201) throw new Error(`customer: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.customer.id as string;
  }

  async function company(key: string, associateIds: string[]): Promise<void> {
    const associates = associateIds.map((id) => ({ customer: { typeId: 'customer', id }, associateRoleAssignments: [] }));
    const answer = await api(running.platform, 'POST', '/business-units', admin, { key, name: key, unitType: 'Company', associates });
    if (answer.status !== 201) throw new Error(`business unit: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  const inUnit = (associateId: string, unit: string, rest: string) => `/as-associate/${associateId}/in-business-unit/key=${unit}${rest}`;

  async function cartIn(unit: string, extra: Record<string, unknown> = {}): Promise<Cart> {
    const answer = await api(running.platform, 'POST', inUnit(buyer, unit, '/carts'), admin, { currency: 'EUR', country: 'DE', customerId: buyer, ...extra });
    expect(answer.status).toBe(201);
    return answer.body as Cart;
  }

  beforeAll(async () => {
    admin = await clientToken();
    buyer = await customer('buyer');
    outsider = await customer('outsider');
    await company(unitA, [buyer]);
    await company(unitB, [buyer]);
    await company(unitC, [outsider]);
  });

  it('a cart created in a unit references it, whatever business unit the draft names', async () => {
    const cart = await cartIn(unitA, { businessUnit: { typeId: 'business-unit', key: unitB } });
    expect(cart.businessUnit).toEqual({ typeId: 'business-unit', key: unitA });
    expect(cart.customerId).toBe(buyer);
    const read = await api(running.platform, 'GET', inUnit(buyer, unitA, `/carts/${cart.id}`), admin);
    expect(read.status).toBe(200);
    expect(read.body.businessUnit).toEqual({ typeId: 'business-unit', key: unitA });
  });

  it('a query through a unit finds only that unit\'s carts, with the caller\'s predicates applied too', async () => {
    const inA = await cartIn(unitA);
    const inB = await cartIn(unitB);
    const listed = await api(running.platform, 'GET', inUnit(buyer, unitA, `/carts?where=${encodeURIComponent('cartState="Active"')}&limit=100`), admin);
    expect(listed.status).toBe(200);
    const ids = (listed.body.results as Cart[]).map((cart) => cart.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    expect((listed.body.results as Cart[]).every((cart) => cart.businessUnit?.key === unitA)).toBe(true);
  });

  it('another unit\'s cart is refused with 400 InvalidOperation for reads, updates and deletes; an unknown id is 404', async () => {
    const inB = await cartIn(unitB);
    const read = await api(running.platform, 'GET', inUnit(buyer, unitA, `/carts/${inB.id}`), admin);
    expect(read).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidOperation' }] } });
    const update = await api(running.platform, 'POST', inUnit(buyer, unitA, `/carts/${inB.id}`), admin, { version: inB.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] });
    expect(update).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidOperation' }] } });
    const removal = await api(running.platform, 'DELETE', inUnit(buyer, unitA, `/carts/${inB.id}?version=${inB.version}`), admin);
    expect(removal.status).toBe(400);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitB, `/carts/${inB.id}`), admin)).body.version).toBe(inB.version);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, '/carts/no-such-cart'), admin)).status).toBe(404);
  });

  it('updates through the unit are checked like any cart update: version first, then validation', async () => {
    const cart = await cartIn(unitA);
    const added = await api(running.platform, 'POST', inUnit(buyer, unitA, `/carts/${cart.id}`), admin, { version: cart.version, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 2 }] });
    expect(added.status).toBe(200);
    expect(added.body.lineItems.map((item: { variant: { sku: string }; quantity: number }) => [item.variant.sku, item.quantity])).toEqual([['MUG-ENAMEL-01', 2]]);
    expect(added.body.businessUnit.key).toBe(unitA);
    const stale = await api(running.platform, 'POST', inUnit(buyer, unitA, `/carts/${cart.id}`), admin, { version: cart.version, actions: [] });
    expect(stale).toMatchObject({ status: 409, body: { errors: [{ code: 'ConcurrentModification' }] } });
    const malformed = await api(running.platform, 'POST', inUnit(buyer, unitA, `/carts/${cart.id}`), admin, { version: added.body.version, actions: [{ action: 'addLineItem', quantity: 'two' }] });
    expect(malformed).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidJsonInput' }] } });
    const badDraft = await api(running.platform, 'POST', inUnit(buyer, unitA, '/carts'), admin, { currency: 'euro' });
    expect(badDraft).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidJsonInput' }] } });
    const deleted = await api(running.platform, 'DELETE', inUnit(buyer, unitA, `/carts/${cart.id}?version=${added.body.version}`), admin);
    expect(deleted.status).toBe(200);
  });

  it('an order from a unit\'s cart belongs to the unit and closes the cart; orders are scoped like carts', async () => {
    const cart = await cartIn(unitA, { lineItems: [{ sku: 'MUG-ENAMEL-01' }] });
    const created = await api(running.platform, 'POST', inUnit(buyer, unitA, '/orders'), admin, { cart: { typeId: 'cart', id: cart.id }, version: cart.version });
    expect(created.status).toBe(201);
    const order = created.body as Order;
    expect(order.businessUnit).toEqual({ typeId: 'business-unit', key: unitA });
    expect(order.version).toBe(1);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, `/carts/${cart.id}`), admin)).body.cartState).toBe('Ordered');
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, `/orders/${order.id}`), admin)).body.id).toBe(order.id);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitB, `/orders/${order.id}`), admin)).status).toBe(400);
    const listedA = await api(running.platform, 'GET', inUnit(buyer, unitA, '/orders?limit=100'), admin);
    expect((listedA.body.results as Order[]).map((o) => o.id)).toContain(order.id);
    const listedB = await api(running.platform, 'GET', inUnit(buyer, unitB, '/orders?limit=100'), admin);
    expect((listedB.body.results as Order[]).map((o) => o.id)).not.toContain(order.id);

    const again = await api(running.platform, 'POST', inUnit(buyer, unitA, '/orders'), admin, { cart: { typeId: 'cart', id: cart.id }, version: cart.version });
    expect(again.status).toBe(409);
    const other = await cartIn(unitB);
    const foreign = await api(running.platform, 'POST', inUnit(buyer, unitA, '/orders'), admin, { cart: { typeId: 'cart', id: other.id }, version: other.version });
    expect(foreign).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidOperation' }] } });
    expect((await api(running.platform, 'POST', inUnit(buyer, unitA, '/orders'), admin, { cart: {}, version: 1 })).status).toBe(400);
  });

  it('a customer who is not an associate of the unit gets 403 AssociateMissingPermission; an unknown unit or a malformed path 404', async () => {
    const refused = await api(running.platform, 'POST', inUnit(outsider, unitA, '/carts'), admin, { currency: 'EUR' });
    expect(refused).toMatchObject({ status: 403, body: { errors: [{ code: 'AssociateMissingPermission' }] } });
    expect((await api(running.platform, 'GET', inUnit(outsider, unitA, '/carts'), admin)).status).toBe(403);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitC, '/orders'), admin)).status).toBe(403);
    expect((await api(running.platform, 'GET', inUnit(buyer, 'no-such-unit', '/carts'), admin)).body.errors[0].code).toBe('ResourceNotFound');
    expect((await api(running.platform, 'GET', `/as-associate/${buyer}/in-business-unit/${unitA}/carts`, admin)).status).toBe(404);
  });

  it('a division that inherits its associates lets the parent\'s associates in', async () => {
    const division = `division-${Date.now()}`;
    const answer = await api(running.platform, 'POST', '/business-units', admin, {
      key: division,
      name: division,
      unitType: 'Division',
      associateMode: 'ExplicitAndFromParent',
      parentUnit: { typeId: 'business-unit', key: unitA },
      associates: [],
    });
    expect(answer.status).toBe(201);
    const cart = await api(running.platform, 'POST', inUnit(buyer, division, '/carts'), admin, { currency: 'EUR' });
    expect(cart.status).toBe(201);
    expect(cart.body.businessUnit.key).toBe(division);
    expect((await api(running.platform, 'POST', inUnit(outsider, division, '/carts'), admin, { currency: 'EUR' })).status).toBe(403);
  });

  it('an associate lists, reads and changes only the business units they belong to', async () => {
    const listed = await api(running.platform, 'GET', `/as-associate/${buyer}/business-units?limit=100`, admin);
    expect(listed.status).toBe(200);
    const keys = (listed.body.results as { key: string }[]).map((unit) => unit.key);
    expect(keys).toEqual(expect.arrayContaining([unitA, unitB]));
    expect(keys).not.toContain(unitC);
    const own = await api(running.platform, 'GET', `/as-associate/${buyer}/business-units/key=${unitA}`, admin);
    expect(own.body.key).toBe(unitA);
    expect((await api(running.platform, 'GET', `/as-associate/${buyer}/business-units/${own.body.id}`, admin)).status).toBe(200);
    const foreign = await api(running.platform, 'GET', `/as-associate/${buyer}/business-units/key=${unitC}`, admin);
    expect(foreign).toMatchObject({ status: 403, body: { errors: [{ code: 'AssociateMissingPermission' }] } });
    const rename = (version: number) => ({ version, actions: [{ action: 'changeName', name: 'Renamed' }] });
    const unitCNow = (await api(running.platform, 'GET', `/business-units/key=${unitC}`, admin)).body;
    expect((await api(running.platform, 'POST', `/as-associate/${buyer}/business-units/key=${unitC}`, admin, rename(unitCNow.version))).status).toBe(403);
    expect((await api(running.platform, 'POST', `/as-associate/${buyer}/business-units/key=${unitA}`, admin, rename(own.body.version))).body.name).toBe('Renamed');
    expect((await api(running.platform, 'POST', `/as-associate/${buyer}/business-units/key=${unitA}`, admin, '{not json')).status).toBe(400);
    expect((await api(running.platform, 'GET', `/as-associate/${buyer}/business-units/key=no-such-unit`, admin)).status).toBe(404);
  });

  it('associate carts and orders need manage_orders (view_orders to read), and no shopper token reaches them', async () => {
    const viewer = await clientToken(`view_orders:${running.platform.projectKey}`);
    const catalogueOnly = await clientToken(`view_published_products:${running.platform.projectKey}`);
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, '/carts'), viewer)).status).toBe(200);
    expect((await api(running.platform, 'POST', inUnit(buyer, unitA, '/carts'), viewer, { currency: 'EUR' })).body.errors[0].code).toBe('insufficient_scope');
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, '/orders'), catalogueOnly)).status).toBe(403);
    const guest = await tokenRequest(running.platform, `/oauth/${running.platform.projectKey}/anonymous/token`, { grant_type: 'client_credentials' });
    expect((await api(running.platform, 'GET', inUnit(buyer, unitA, '/carts'), guest.body.access_token as string)).status).toBe(403);
  });
});
