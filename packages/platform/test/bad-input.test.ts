import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anonymousToken, api, startPlatform, tokenRequest, type Platform } from './support/platform.js';

/** Every error answer has commercetools' shape. */
function expectCtError(answer: { status: number; body: any }, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.errors?.[0]?.code }).toEqual({ status, code });
  expect(answer.body.statusCode).toBe(status);
  expect(typeof answer.body.message).toBe('string');
}

describe('bad input gets commercetools error shapes, never a 500', () => {
  let platform: Platform;
  let admin: string;
  let guest: string;
  let cartId: string;

  beforeAll(async () => {
    platform = await startPlatform({ port: 0 });
    admin = (await tokenRequest(platform, '/oauth/token', { grant_type: 'client_credentials' })).body.access_token as string;
    guest = (await anonymousToken(platform, 'bad-input-guest')).access_token;
    cartId = (await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR' })).body.id;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('malformed JSON is 400 InvalidJsonInput on every write endpoint the store uses', async () => {
    const writes: [string, string][] = [
      [guest, '/me/carts'],
      [guest, `/me/carts/${cartId}`],
      [guest, '/me/orders'],
      [guest, '/me/login'],
      [guest, '/me/signup'],
      [admin, '/carts'],
      [admin, `/carts/${cartId}`],
      [admin, '/orders'],
      [admin, '/customers'],
      [admin, '/login'],
    ];
    for (const [token, path] of writes) {
      for (const body of ['{"currency":', 'not json', '']) {
        expectCtError(await api(platform, 'POST', path, token, body), 400, 'InvalidJsonInput');
      }
    }
  });

  it('a JSON value that is not an object is InvalidJsonInput', async () => {
    for (const body of ['[]', '"EUR"', '42', 'null']) {
      expectCtError(await api(platform, 'POST', '/me/carts', guest, body), 400, 'InvalidJsonInput');
    }
  });

  it('missing required fields and wrong types in cart drafts', async () => {
    for (const draft of [{}, { currency: 5 }, { currency: 'EURO' }, { currency: 'EUR', lineItems: 'x' }, { currency: 'EUR', shippingAddress: { city: 'Berlin' } }]) {
      expectCtError(await api(platform, 'POST', '/me/carts', guest, draft), 400, 'InvalidJsonInput');
      expectCtError(await api(platform, 'POST', '/carts', admin, draft), 400, 'InvalidJsonInput');
    }
  });

  it('unknown fields in a draft are ignored, as the platform does', async () => {
    const answer = await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR', notAField: true });
    expect(answer.status).toBe(201);
    expect(answer.body.notAField).toBeUndefined();
  });

  it('bad cart update requests', async () => {
    const bodies: unknown[] = [
      { actions: [] },
      { version: '1', actions: [] },
      { version: 1 },
      { version: 1, actions: {} },
      { version: 1, actions: [1] },
      { version: 1, actions: [{}] },
      { version: 1, actions: [{ action: 'addLineItem' }] },
      { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 'x' }] },
      { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: -1 }] },
      { version: 1, actions: [{ action: 'addLineItem', sku: 5 }] },
      { version: 1, actions: [{ action: 'changeLineItemQuantity', quantity: 1 }] },
      { version: 1, actions: [{ action: 'changeLineItemQuantity', lineItemId: 'x', quantity: 1.5 }] },
      { version: 1, actions: [{ action: 'removeLineItem' }] },
      { version: 1, actions: [{ action: 'setShippingAddress', address: { city: 'Berlin' } }] },
      { version: 1, actions: [{ action: 'setShippingAddress', address: 'Berlin' }] },
    ];
    for (const body of bodies) {
      expectCtError(await api(platform, 'POST', `/me/carts/${cartId}`, guest, body), 400, 'InvalidJsonInput');
      expectCtError(await api(platform, 'POST', `/carts/${cartId}`, admin, body), 400, 'InvalidJsonInput');
    }
    const unchanged = await api(platform, 'GET', `/me/carts/${cartId}`, guest);
    expect(unchanged.body.version).toBe(1);
  });

  it('unknown action, unknown sku and unknown line item are 400s', async () => {
    expectCtError(await api(platform, 'POST', `/me/carts/${cartId}`, guest, { version: 1, actions: [{ action: 'fly' }] }), 400, 'InvalidInput');
    const unknownSku = await api(platform, 'POST', `/me/carts/${cartId}`, guest, { version: 1, actions: [{ action: 'addLineItem', sku: 'NO-SUCH-SKU' }] });
    expect(unknownSku.status).toBe(400);
    const unknownItem = await api(platform, 'POST', `/me/carts/${cartId}`, guest, { version: 1, actions: [{ action: 'removeLineItem', lineItemId: 'nope' }] });
    expect(unknownItem.status).toBe(400);
  });

  it('unknown ids are 404 ResourceNotFound', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expectCtError(await api(platform, 'GET', `/me/carts/${id}`, guest), 404, 'ResourceNotFound');
    expectCtError(await api(platform, 'POST', `/me/carts/${id}`, guest, { version: 1, actions: [] }), 404, 'ResourceNotFound');
    expectCtError(await api(platform, 'GET', `/me/orders/${id}`, guest), 404, 'ResourceNotFound');
    for (const path of [`/carts/${id}`, `/orders/${id}`, `/customers/${id}`, `/categories/${id}`, `/product-projections/${id}`, '/product-projections/key=nope']) {
      expectCtError(await api(platform, 'GET', path, admin), 404, 'ResourceNotFound');
    }
    expectCtError(await api(platform, 'GET', '/no-such-endpoint', admin), 404, 'ResourceNotFound');
  });

  it('a stale version is 409 ConcurrentModification, also on delete', async () => {
    const cart = (await api(platform, 'POST', '/me/carts', guest, { currency: 'EUR' })).body;
    await api(platform, 'POST', `/me/carts/${cart.id}`, guest, { version: 1, actions: [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01' }] });
    expectCtError(await api(platform, 'POST', `/me/carts/${cart.id}`, guest, { version: 1, actions: [] }), 409, 'ConcurrentModification');
    expectCtError(await api(platform, 'POST', `/carts/${cart.id}`, admin, { version: 1, actions: [] }), 409, 'ConcurrentModification');
    expectCtError(await api(platform, 'DELETE', `/me/carts/${cart.id}?version=1`, guest), 409, 'ConcurrentModification');
    expectCtError(await api(platform, 'DELETE', `/me/carts/${cart.id}`, guest), 400, 'InvalidInput');
  });

  it('broken query predicates and paging are 400 InvalidInput', async () => {
    for (const path of [
      `/product-projections?where=${encodeURIComponent('masterVariant(sku=')}`,
      `/product-projections/search?filter=${encodeURIComponent('variants.sku:')}`,
      `/categories?where=${encodeURIComponent('key = "x" and')}`,
      '/categories?limit=-1',
      '/categories?limit=501',
      '/product-projections/search?limit=abc',
      '/product-projections?offset=x',
    ]) {
      expectCtError(await api(platform, 'GET', path, admin), 400, 'InvalidInput');
    }
    expectCtError(await api(platform, 'GET', '/me/carts?limit=1000', guest), 400, 'InvalidInput');
  });

  it('wrong types in sign-in, sign-up and login drafts', async () => {
    const bodies = [{}, { email: 5, password: 'x' }, { email: 'a@example.com' }, { email: 'a@example.com', password: 5 }];
    for (const body of bodies) {
      expectCtError(await api(platform, 'POST', '/me/login', guest, body), 400, 'InvalidJsonInput');
      expectCtError(await api(platform, 'POST', '/me/signup', guest, body), 400, 'InvalidJsonInput');
      expectCtError(await api(platform, 'POST', '/login', admin, body), 400, 'InvalidJsonInput');
    }
    const badCart = { email: 'demo@example.com', password: 'demo-password', anonymousCart: { id: 5 } };
    expectCtError(await api(platform, 'POST', '/login', admin, badCart), 400, 'InvalidJsonInput');
    // Quotes in an email never reach a query predicate as syntax.
    expectCtError(await api(platform, 'POST', '/me/login', guest, { email: 'x" or email != "', password: 'x' }), 400, 'InvalidCredentials');
  });

  it('the project key in the path must be the platform’s', async () => {
    const response = await fetch(`${platform.url}/other-project/carts`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(404);
  });

  it('survives a burst of garbage and keeps answering', async () => {
    const garbage = ['{', '}', '[[[', '\u0000', 'x'.repeat(10_000), '{"version":1e999,"actions":[]}', '{"__proto__":{"polluted":1},"currency":"EUR"}'];
    const answers = await Promise.all(
      garbage.flatMap((body) => [api(platform, 'POST', '/me/carts', guest, body), api(platform, 'POST', `/me/carts/${cartId}`, guest, body), api(platform, 'POST', '/orders', admin, body)]),
    );
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await api(platform, 'GET', '/me/active-cart', guest)).status).toBe(200);
  });
});
