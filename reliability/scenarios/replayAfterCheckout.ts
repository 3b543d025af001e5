// Shoppers (guests and customers) fill a cart and check out; the session each had before checkout (a
// stale tab, a back button, a replayed cookie) then changes a line item of the ordered cart, removes it,
// and adds a new item. commercetools refuses to modify an ordered cart: the replay must forget it and go
// on with a fresh cart, so no ordered cart changes and the new item is not lost.
import { randomUUID } from 'node:crypto';
import { RawShopper } from '../support/rawShopper.js';
import { inPool, Losses, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { StatusTally } from '../support/sessionEnd.js';
import { openStore, SKUS, type CartView } from '../support/storeClient.js';

const SHOPPERS = 30;

interface PlatformCart {
  readonly cartState: string;
  readonly lineItems: ReadonlyArray<{ readonly variant: { readonly sku?: string }; readonly quantity: number }>;
}

const platformLines = (cart: PlatformCart): string => cart.lineItems.map((item) => `${item.variant.sku ?? ''}×${item.quantity}`).sort().join(',');
const lines = (cart: CartView): string => cart.lineItems.map((item) => `${item.sku}×${item.quantity}`).sort().join(',');

export const replayAfterCheckout: Scenario = {
  name: 'replay-after-checkout',
  what: `${SHOPPERS} shoppers check out; the session from before checkout updates, removes and adds line items`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const statuses = new StatusTally();
    let writtenIntoOrdered = 0;
    let lost = 0;
    let replays = 0;
    let freshCarts = 0;
    try {
      await inPool(Array.from({ length: SHOPPERS }, (_, i) => i), 10, async (i) => {
        const name = i % 2 === 0 ? `guest-${i}` : `customer-${i}`;
        const shopper = new RawShopper(name, client);
        if (i % 2 === 1) await shopper.call('account/register', { email: `checkout-replay-${randomUUID()}@example.com`, password: 'replay-pass-1' }, losses);
        let cart: CartView | undefined;
        for (const sku of SKUS.slice(0, 1 + (i % 3))) cart = (await shopper.call('cart/addToCart', { sku, count: 2 }, losses)).json as CartView;
        if (cart?.id == null) return losses.add('no cart to check out', name);
        const orderedCartId = cart.id;
        const ordered = lines(cart);
        const stale = shopper.token;
        const order = await shopper.call('cart/checkout', { shippingAddress: { country: 'DE' } }, losses);
        if (order.status !== 200) return losses.add('checkout failed', `${name}: ${order.status}`);

        const replay = new RawShopper(`${name} (replayed)`, client);
        replay.token = stale;
        const lineItemId = cart.lineItems[0]?.id;
        for (const [action, payload] of [['cart/updateLineItem', { lineItemId, count: 7 }], ['cart/removeLineItem', { lineItemId }]] as const) {
          const answer = await replay.call(action, payload, losses);
          replays++;
          statuses.add(answer.status);
        }
        const added = await replay.call('cart/addToCart', { sku: 'VASE-CERAMIC-M' }, losses);
        replays++;
        statuses.add(added.status);
        const fresh = added.json as CartView;
        if (added.status !== 200) {
          lost++;
          losses.add('the replayed addToCart failed: its item is lost', `${name}: ${added.status} ${JSON.stringify(added.json).slice(0, 100)}`);
        } else if (fresh.id === orderedCartId || lines(fresh) !== 'VASE-CERAMIC-M×1') {
          lost++;
          losses.add('the replayed item is not alone in a fresh cart', `${name}: ${String(fresh.id)} ${lines(fresh)}`);
        } else {
          freshCarts++;
          const held = (await client.platformGet(`/carts/${fresh.id}`)) as PlatformCart;
          if (platformLines(held) !== 'VASE-CERAMIC-M×1') {
            lost++;
            losses.add('the platform does not hold the replayed item', `${name}: ${platformLines(held)}`);
          }
        }
        const after = (await client.platformGet(`/carts/${orderedCartId}`)) as PlatformCart;
        if (after.cartState !== 'Ordered' || platformLines(after) !== ordered) {
          writtenIntoOrdered++;
          losses.add('an ordered cart changed', `${name}: ${after.cartState} ${platformLines(after)}, ordered ${ordered}`);
        }
      });
      return {
        tried: { shoppers: SHOPPERS, 'replayed calls': replays },
        lost: losses.list(),
        figures: { 'items written into ordered carts': writtenIntoOrdered, 'replayed items lost': lost, 'fresh carts for replays': freshCarts, 'replay answers': statuses.toString() },
      };
    } finally {
      await client.close();
    }
  },
};
