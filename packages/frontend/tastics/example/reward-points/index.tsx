import { numberOf, stringOf, type TasticProps } from '../../tastic-props';
import { RewardPoints } from './RewardPoints';

export default function RewardPointsTastic({ data }: TasticProps) {
  return <RewardPoints title={stringOf(data, 'title', 'Reward points')} maxDelayMs={Math.min(5000, Math.max(0, numberOf(data, 'maxDelayMs', 600)))} />;
}
