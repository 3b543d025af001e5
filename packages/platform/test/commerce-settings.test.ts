import { describe, expect, it } from '@jest/globals';
import type { Cart, CartUpdateAction, ShippingMethod } from '@commercetools/platform-sdk';
import { PRODUCTS } from '../src/index.js';
import { api, sdkFailure, usePlatform } from './support/platform.js';

const address = (country: string) => ({ country, firstName: 'Ada', lastName: 'Lovelace', streetName: 'Main Street 1', postalCode: '12345', city: 'Town' });

describe('project settings, tax, zones and shipping methods (what real bundles read)', () => {
  const running = usePlatform();

  async function cart(currency: string, country: string, actions: CartUpdateAction[] = []): Promise<Cart> {
    const { client } = running;
    const created = (await client.api.carts().post({ body: { currency, country, locale: 'en', anonymousId: `settings-${currency}-${country}` } }).execute()).body;
    if (actions.length === 0) return created;
    return (await client.api.carts().withId({ ID: created.id }).post({ body: { version: created.version, actions } }).execute()).body;
  }

  it('GET /{projectKey} lists the currencies, languages and countries', async () => {
    const { client } = running;
    const project = (await client.api.get().execute()).body;
    expect(project.currencies).toEqual(['EUR', 'USD', 'GBP']);
    expect(project.languages).toEqual(['en', 'de']);
    expect(project.countries).toEqual(['DE', 'AT', 'NL', 'GB', 'US']);
  });

  it('seeding again adds nothing twice', async () => {
    const { platform, client } = running;
    await platform.seed();
    const project = (await client.api.get().execute()).body;
    expect(project.currencies).toHaveLength(3);
    expect((await client.api.taxCategories().get().execute()).body.total).toBe(1);
    expect((await client.api.zones().get().execute()).body.total).toBe(3);
    expect((await client.api.shippingMethods().get().execute()).body.total).toBe(2);
    expect((await client.api.stores().get().execute()).body.total).toBe(1);
  });

  it('has one store, `default`, with every project language and country (B2B storefronts keep carts in a store)', async () => {
    const { client } = running;
    const store = (await client.api.stores().withKey({ key: 'default' }).get().execute()).body;
    expect(store.languages).toEqual(['en', 'de']);
    expect(store.countries?.map((country) => country.code)).toEqual(['DE', 'AT', 'NL', 'GB', 'US']);
    expect(store.distributionChannels).toEqual([]);
    expect(store.productSelections).toEqual([]);
  });

  it('has a tax category with a rate for every project country', async () => {
    const { client } = running;
    const [category] = (await client.api.taxCategories().get().execute()).body.results;
    expect(category?.rates.map((rate) => rate.country).sort()).toEqual(['AT', 'DE', 'GB', 'NL', 'US']);
    expect(category?.rates.find((rate) => rate.country === 'DE')).toMatchObject({ amount: 0.19, includedInPrice: true });
  });

  it('every product has a price in each project currency, so carts in USD and GBP take line items', async () => {
    const { client } = running;
    for (const currency of ['USD', 'GBP']) {
      const withMug = await cart(currency, currency === 'USD' ? 'US' : 'GB', [{ action: 'addLineItem', sku: 'MUG-ENAMEL-01', quantity: 1 }]);
      expect(withMug.lineItems[0]?.price.value.currencyCode).toBe(currency);
      expect(withMug.totalPrice).toMatchObject({ currencyCode: currency, fractionDigits: 2 });
      expect(withMug.totalPrice.centAmount).toBeGreaterThan(0);
    }
    const projections = (await client.api.productProjections().get({ queryArgs: { limit: 100 } }).execute()).body.results;
    expect(projections).toHaveLength(PRODUCTS.length);
    for (const product of projections) expect(product.masterVariant.prices?.map((price) => price.value.currencyCode)).toEqual(['EUR', 'USD', 'GBP']);
  });

  describe('GET /shipping-methods/matching-location', () => {
    it('answers the methods that ship to the country, the default first, with the one rate in the currency', async () => {
      const { client } = running;
      const answer = (await client.api.shippingMethods().matchingLocation().get({ queryArgs: { country: 'DE', currency: 'EUR' } }).execute()).body;
      expect(answer.results.map((method) => method.key)).toEqual(['standard', 'express']);
      for (const method of answer.results) {
        expect(method.zoneRates).toHaveLength(1);
        expect(method.zoneRates[0]?.shippingRates).toHaveLength(1);
        expect(method.zoneRates[0]?.shippingRates[0]).toMatchObject({ isMatching: true, price: { currencyCode: 'EUR' } });
      }
      expect(answer.results[0]?.zoneRates[0]?.shippingRates[0]?.price.centAmount).toBe(490);
    });

    it('without a currency every rate of the matching zone matches; expand resolves the zone', async () => {
      const { client } = running;
      const answer = (await client.api.shippingMethods().matchingLocation().get({ queryArgs: { country: 'GB', expand: ['zoneRates[*].zone'] } }).execute()).body;
      const standard = answer.results[0] as ShippingMethod;
      expect(standard.zoneRates[0]?.zone.obj?.key).toBe('united-kingdom');
      expect(standard.zoneRates[0]?.shippingRates.map((rate) => rate.price.currencyCode).sort()).toEqual(['EUR', 'GBP', 'USD']);
      expect(standard.zoneRates[0]?.shippingRates.every((rate) => rate.isMatching === true)).toBe(true);
    });

    it('a country no zone covers gets no methods', async () => {
      const { client } = running;
      expect((await client.api.shippingMethods().matchingLocation().get({ queryArgs: { country: 'FR' } }).execute()).body.results).toEqual([]);
    });

    it('refuses a missing or malformed country and currency with 400 InvalidInput', async () => {
      const { platform, client } = running;
      const token = (await client.tokens.current())?.token;
      for (const query of ['', '?country=germany', '?country=DE&currency=euro']) {
        const answer = await api(platform, 'GET', `/shipping-methods/matching-location${query}`, token);
        expect(answer.status).toBe(400);
        expect(answer.body.errors[0].code).toBe('InvalidInput');
      }
    });

    it('leaves inactive methods out', async () => {
      const { client } = running;
      const express = (await client.api.shippingMethods().withKey({ key: 'express' }).get().execute()).body;
      const off = await client.api.shippingMethods().withKey({ key: 'express' }).post({ body: { version: express.version, actions: [{ action: 'changeActive', active: false }] } }).execute();
      try {
        const answer = (await client.api.shippingMethods().matchingLocation().get({ queryArgs: { country: 'NL' } }).execute()).body;
        expect(answer.results.map((method) => method.key)).toEqual(['standard']);
      } finally {
        await client.api.shippingMethods().withKey({ key: 'express' }).post({ body: { version: off.body.version, actions: [{ action: 'changeActive', active: true }] } }).execute();
      }
    });
  });

  describe('GET /shipping-methods/matching-cart and setShippingMethod', () => {
    it('matches the cart’s shipping country and currency, and the chosen method’s price joins the total', async () => {
      const { client } = running;
      const gbCart = await cart('GBP', 'GB', [
        { action: 'addLineItem', sku: 'PEN-FOUNTAIN-F', quantity: 1 },
        { action: 'setShippingAddress', address: address('GB') },
      ]);
      const matching = (await client.api.shippingMethods().matchingCart().get({ queryArgs: { cartId: gbCart.id } }).execute()).body.results;
      expect(matching.map((method) => method.key)).toEqual(['standard', 'express']);
      const rate = matching[0]?.zoneRates[0]?.shippingRates;
      expect(rate).toHaveLength(1);
      expect(rate?.[0]).toMatchObject({ isMatching: true, price: { currencyCode: 'GBP', centAmount: 590 } });

      const lines = gbCart.totalPrice.centAmount;
      const withShipping = (
        await client.api
          .carts()
          .withId({ ID: gbCart.id })
          .post({ body: { version: gbCart.version, actions: [{ action: 'setShippingMethod', shippingMethod: { typeId: 'shipping-method', id: matching[0]?.id as string } }] } })
          .execute()
      ).body;
      expect(withShipping.shippingInfo?.shippingMethodName).toBe('Standard');
      expect(withShipping.shippingInfo?.price.centAmount).toBe(590);
      expect(withShipping.totalPrice).toMatchObject({ currencyCode: 'GBP', centAmount: lines + 590, fractionDigits: 2 });
      expect(withShipping.shippingInfo?.taxRate).toMatchObject({ country: 'GB', amount: 0.2 });
      // Read back and as an order: the same total.
      expect((await client.api.carts().withId({ ID: gbCart.id }).get().execute()).body.totalPrice.centAmount).toBe(lines + 590);
      const order = (await client.api.orders().post({ body: { cart: { typeId: 'cart', id: gbCart.id }, version: withShipping.version } }).execute()).body;
      expect(order.totalPrice).toMatchObject({ centAmount: lines + 590, fractionDigits: 2 });
    });

    it('ships free above the threshold (freeAbove)', async () => {
      const { client } = running;
      const big = await cart('EUR', 'DE', [
        { action: 'addLineItem', sku: 'LAMP-READ-01', quantity: 1 },
        { action: 'setShippingAddress', address: address('DE') },
      ]);
      const [standard] = (await client.api.shippingMethods().matchingCart().get({ queryArgs: { cartId: big.id } }).execute()).body.results;
      const shipped = (
        await client.api
          .carts()
          .withId({ ID: big.id })
          .post({ body: { version: big.version, actions: [{ action: 'setShippingMethod', shippingMethod: { typeId: 'shipping-method', id: standard?.id as string } }] } })
          .execute()
      ).body;
      expect(shipped.shippingInfo?.price.centAmount).toBe(0);
      expect(shipped.totalPrice.centAmount).toBe(big.totalPrice.centAmount);
    });

    it('refuses a cart without a shipping address, an unknown cart and a missing cartId', async () => {
      const { platform, client } = running;
      const bare = await cart('EUR', 'DE');
      const noAddress = await sdkFailure(client.api.shippingMethods().matchingCart().get({ queryArgs: { cartId: bare.id } }).execute());
      expect(noAddress).toMatchObject({ status: 400, code: 'InvalidOperation' });
      const unknown = await sdkFailure(client.api.shippingMethods().matchingCart().get({ queryArgs: { cartId: 'no-such-cart' } }).execute());
      expect(unknown).toMatchObject({ status: 400, code: 'InvalidInput' });
      const token = (await client.tokens.current())?.token;
      expect((await api(platform, 'GET', '/shipping-methods/matching-cart', token)).status).toBe(400);
    });

    it('an empty new cart reports its total in the currency’s fraction digits', async () => {
      expect((await cart('EUR', 'AT')).totalPrice).toEqual({ type: 'centPrecision', currencyCode: 'EUR', centAmount: 0, fractionDigits: 2 });
    });
  });
});
