/** The docs' reward point examples: four updates of a number kept in the session, adding up to zero. */
export interface RewardPoints {
  rewardPoints: number;
}

export const REWARD_UPDATES = [
  { label: '+50', action: 'addFiftyRewardsPoints' },
  { label: '+20', action: 'addTwentyRewardsPoints' },
  { label: '−20', action: 'deductTwentyRewardPoints' },
  { label: '−50', action: 'deductFiftyRewardsPoints' },
] as const;

export const REWARD_POINTS_PATH = '/action/examples/getRewardPoints';

/** The extension's bound for `?delayMs=` (packages/extensions, examples.ts). */
export const MAX_DELAY_MS = 5_000;
