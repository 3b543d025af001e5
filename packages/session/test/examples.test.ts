import { describe, expect, it } from '@jest/globals';
import './helpers/project-session-data.js';
import { createCartActions, type CartApi } from './examples/cart-action.js';
import { accountPageHandler, miniCartDataSource } from './examples/read-only-handlers.js';
import type { ActionRequest } from '../src/index.js';

const hour = 3_600_000;
const token = { accessToken: 'at', refreshToken: 'rt', expirationTime: Date.now() + hour };
const request = (sessionData: unknown, body = '{"sku":"SKU-1"}'): ActionRequest => ({ method: 'POST', path: '/action/cart/addToCart', query: {}, body, sessionData });

const fakeApi = (fail = false): CartApi & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    createCart: async () => {
      calls.push('createCart');
      return { id: 'cart-new' };
    },
    addLineItem: async (_token, cartId, sku) => {
      calls.push(`addLineItem ${cartId} ${sku}`);
      if (fail) throw new Error('socket hang up');
      return { id: cartId, lineItemCount: 1 };
    },
  };
};

describe('README examples', () => {
  it('addToCart creates a cart, stores its id and writes the whole session', async () => {
    const api = fakeApi();
    const response = await createCartActions(api).addToCart(request({ token, foreign: 'kept' }), {});
    expect(response).toEqual({ statusCode: 200, body: '{"id":"cart-new","lineItemCount":1}', sessionData: { token, foreign: 'kept', cartId: 'cart-new' } });
    expect(api.calls).toEqual(['createCart', 'addLineItem cart-new SKU-1']);
  });

  it('addToCart with an existing cart changes nothing in the session', async () => {
    const response = await createCartActions(fakeApi()).addToCart(request({ token, cartId: 'cart-1' }), {});
    expect(response).toEqual({ statusCode: 200, body: '{"id":"cart-1","lineItemCount":1}' });
  });

  it('addToCart errors become { error: { code, message } } and leave the session as it was', async () => {
    expect(await createCartActions(fakeApi()).addToCart(request({}), {})).toEqual({ statusCode: 401, body: '{"error":{"code":"NO_SESSION_TOKEN","message":"Start a session first."}}' });
    const expired = { ...token, expirationTime: Date.now() + 1_000 };
    expect((await createCartActions(fakeApi()).addToCart(request({ token: expired }), {})).statusCode).toBe(401);
    const failed = await createCartActions(fakeApi(true)).addToCart(request({ token }), {});
    expect(failed).toEqual({ statusCode: 502, body: '{"error":{"code":"UPSTREAM_FAILED","message":"The commerce platform did not answer; try again."}}' });
  });

  it('earnPoints reads and writes a project key', async () => {
    expect(await createCartActions(fakeApi()).earnPoints(request({ rewardPoints: 5 }), {})).toEqual({ statusCode: 200, body: '{"rewardPoints":75}', sessionData: { rewardPoints: 75 } });
  });

  it('logout clears the session', async () => {
    expect(await createCartActions(fakeApi()).logout(request({ token, customerId: 'c' }), {})).toEqual({ statusCode: 200, body: '{"loggedOut":true,"hadToken":false}', sessionData: null });
  });

  it('the data source reads the session', async () => {
    const context = { request: { method: 'POST', path: '/', query: {}, sessionData: { token, customerId: 'c', cartId: 'cart-1', rewardPoints: 70 } } };
    expect(await miniCartDataSource({ dataSourceId: 'd', type: 'example/mini-cart', name: 'mini cart', configuration: {} }, context)).toEqual({ dataSourcePayload: { cartId: 'cart-1', signedIn: true, rewardPoints: 70 } });
    expect(await miniCartDataSource({ dataSourceId: 'd', type: 'example/mini-cart', name: 'mini cart', configuration: {} }, {})).toEqual({ dataSourcePayload: { cartId: null, signedIn: false, rewardPoints: 0 } });
  });

  it('the dynamic page handler reads the session', async () => {
    const page = (sessionData: unknown, path = '/account'): ActionRequest => ({ method: 'GET', path, query: {}, sessionData });
    expect(await accountPageHandler(page({ token, customerId: 'c', lastOrderId: 'o' }), {})).toEqual({ dynamicPageType: 'example/account', dataSourcePayload: { customerId: 'c', lastOrderId: 'o' } });
    expect(await accountPageHandler(page({}), {})).toEqual({ redirectLocation: '/login?next=/account', statusCode: 302 });
    expect(await accountPageHandler(page({}, '/other'), {})).toBeNull();
  });
});
