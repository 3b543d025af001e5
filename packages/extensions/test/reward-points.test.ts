import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, dataOf, startStore, type Browser, type TestStore } from './support/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store?.close();
});

type Points = { rewardPoints: number };
const updates: Array<[action: string, delta: number, delayMs: number]> = [
  ['examples/addFiftyRewardsPoints', 50, 240],
  ['examples/addTwentyRewardsPoints', 20, 60],
  ['examples/deductTwentyRewardPoints', -20, 180],
  ['examples/deductFiftyRewardsPoints', -50, 120],
];

async function points(shopper: Browser): Promise<number> {
  return dataOf(await call<Points>(store.sdk, shopper, 'examples/getRewardPoints')).rewardPoints;
}

function update(shopper: Browser, action: string, delayMs: number): Promise<unknown> {
  return call(store.sdk, shopper, action, {}, { delayMs: String(delayMs) });
}

describe('the reward-points examples', () => {
  it('start at 0 and add up when called one after another', async () => {
    const shopper = store.shopper();
    expect(await points(shopper)).toBe(0);
    for (const [action, , delayMs] of updates) await update(shopper, action, delayMs);
    expect(await points(shopper)).toBe(0);
    await update(shopper, 'examples/addFiftyRewardsPoints', 0);
    await update(shopper, 'examples/addTwentyRewardsPoints', 0);
    expect(await points(shopper)).toBe(70);
  });

  it('lose updates when fired all at once: the last to finish overwrites the others', async () => {
    const shopper = store.shopper();
    await Promise.all(updates.map(([action, , delayMs]) => update(shopper, action, delayMs)));
    // Every call read 0; the slowest (+50, 240 ms) wrote last. The correct total would be 0.
    expect(await points(shopper)).toBe(50);
  });

  it('always end right in sequence, whatever the delays (20 random trials)', async () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const shopper = store.shopper();
      const order = [...updates].sort(() => random() - 0.5);
      let expected = 0;
      for (const [action, delta] of order) {
        await update(shopper, action, Math.floor(random() * 20));
        expected += delta;
      }
      expect(await points(shopper)).toBe(expected);
    }
  });
});
