// The reward-points example from the docs: each action reads the session's points, waits `?delayMs=`,
// and writes points ± n. Unqueued, two calls in flight overwrite each other; through actionQueue each
// starts from its predecessor's session. 1000 trials with random actions and delays must all add up.
import { ActionQueue } from '../../packages/action-queue/src/index.js';
import { Losses, inPool, seeded, type Scenario, type ScenarioResult } from '../support/scenario.js';
import { openStore, type Browser, type StoreClient } from '../support/storeClient.js';

const TRIALS = 1000;
const UNQUEUED_TRIALS = 100;
const IN_PARALLEL = 25;
const MAX_DELAY_MS = 4;

const ACTIONS = [
  ['examples/addFiftyRewardsPoints', 50],
  ['examples/addTwentyRewardsPoints', 20],
  ['examples/deductTwentyRewardPoints', -20],
  ['examples/deductFiftyRewardsPoints', -50],
] as const;

interface Trial {
  readonly steps: ReadonlyArray<{ readonly action: string; readonly delta: number; readonly delayMs: number }>;
}

function trial(random: () => number): Trial {
  const length = 2 + Math.floor(random() * 3);
  return {
    steps: Array.from({ length }, () => {
      const [action, delta] = ACTIONS[Math.floor(random() * ACTIONS.length)] ?? ACTIONS[0];
      return { action, delta, delayMs: Math.floor(random() * (MAX_DELAY_MS + 1)) };
    }),
  };
}

async function points(client: StoreClient, shopper: Browser): Promise<number | undefined> {
  const answer = await client.act<{ rewardPoints: number }>(shopper, 'examples/getRewardPoints');
  return answer.isError ? undefined : answer.data.rewardPoints;
}

/** One shopper runs the trial's actions, all added at once (as clicks would), through `run`. Returns the final points. */
async function play(client: StoreClient, t: Trial, losses: Losses, label: string, queued: boolean): Promise<number | undefined> {
  const shopper = client.shopper();
  const queue = new ActionQueue();
  const call = (step: Trial['steps'][number]) => () => client.act<{ rewardPoints: number }>(shopper, step.action, undefined, { delayMs: String(step.delayMs) });
  const answers = await Promise.all(t.steps.map((step) => (queued ? queue.add(call(step)) : call(step)())));
  let running = 0;
  for (const [index, answer] of answers.entries()) {
    running += t.steps[index]?.delta ?? 0;
    if (answer.isError) losses.add('action failed', `${label}: ${JSON.stringify(answer.error).slice(0, 160)}`);
    else if (queued && answer.data.rewardPoints !== running) losses.add('step saw a stale session', `${label} step ${index}: ${answer.data.rewardPoints}, expected ${running}`);
  }
  const final = await points(client, shopper);
  const session = client.sessionOf(shopper);
  if (final !== undefined && session['rewardPoints'] !== final) losses.add('cookie and answer disagree', label);
  return final;
}

export const races: Scenario = {
  name: 'races',
  what: `reward-points read-modify-write actions with random delays (0–${MAX_DELAY_MS} ms), ${TRIALS} trials through actionQueue`,
  async run(): Promise<ScenarioResult> {
    const client = await openStore();
    const losses = new Losses();
    const random = seeded(7);
    let calls = 0;
    let wrongUnqueued = 0;
    try {
      const trials = Array.from({ length: TRIALS }, () => trial(random));
      await inPool(trials, IN_PARALLEL, async (t, index) => {
        calls += t.steps.length + 1;
        const expected = t.steps.reduce((sum, step) => sum + step.delta, 0);
        const final = await play(client, t, losses, `trial ${index}`, true);
        if (final !== expected) losses.add('wrong total', `trial ${index}: ${String(final)}, expected ${expected}`);
      });
      // The same without the queue, to show what the queue prevents (not a loss of the store: a misuse).
      const control = new Losses();
      await inPool(trials.slice(0, UNQUEUED_TRIALS), IN_PARALLEL, async (t, index) => {
        const expected = t.steps.reduce((sum, step) => sum + step.delta, 0);
        const final = await play(client, t, control, `unqueued ${index}`, false);
        if (final !== expected) wrongUnqueued++;
      });
      return {
        tried: { trials: TRIALS, actions: calls },
        lost: losses.list(),
        figures: { 'wrong totals through actionQueue': losses.count, [`wrong totals without the queue (control, ${UNQUEUED_TRIALS} trials)`]: wrongUnqueued },
      };
    } finally {
      await client.close();
    }
  },
};
