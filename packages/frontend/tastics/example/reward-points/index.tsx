import type { RewardPoints as Points } from '../../../lib/reward-points';
import { storeSession } from '../../../lib/store-session';
import { numberOf, stringOf, type TasticProps } from '../../tastic-props';
import { RewardPoints } from './RewardPoints';

/** A Server Component reading the session through an action: `examples/getRewardPoints` is a declared read. */
async function currentPoints(): Promise<number | null> {
  if ((await storeSession.sessionToken()) === undefined) return 0;
  try {
    return (await storeSession.readAction<Points>({ actionName: 'examples/getRewardPoints' })).rewardPoints;
  } catch {
    // The page still works without the figure; the buttons answer with the points.
    return null;
  }
}

export default async function RewardPointsTastic({ data }: TasticProps) {
  return (
    <RewardPoints
      title={stringOf(data, 'title', 'Reward points')}
      maxDelayMs={Math.min(5000, Math.max(0, numberOf(data, 'maxDelayMs', 600)))}
      points={await currentPoints()}
    />
  );
}
