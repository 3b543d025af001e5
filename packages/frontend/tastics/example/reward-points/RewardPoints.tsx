'use client';

import { useState, useSyncExternalStore } from 'react';
import { changeRewardPoints } from '../../../app/actions/rewards';
import { ErrorMessage, FormStateError } from '../../../components/ErrorMessage';
import { useQueuedForm } from '../../../components/useQueuedForm';
import { fetchApiHub } from '../../../lib/fetch-api-hub';
import { queuedAction } from '../../../lib/queued-action';
import { REWARD_POINTS_PATH, REWARD_UPDATES as UPDATES, type RewardPoints as Points } from '../../../lib/reward-points';

const noSubscription = () => () => undefined;

type Mode = 'parallel' | 'queued';

interface Step {
  label: string;
  delayMs: number;
  /** The points the action answered with, or why it was refused. */
  answered: number | { refused: string };
}

interface Run {
  mode: Mode;
  before: number;
  after: number;
  steps: Step[];
}

/** One update at a time, as a form: works without JavaScript, and through the queue with it. */
function SingleUpdates({ points }: { points: number | null }) {
  // Any of the four: each writes the session, so each is news for the other tabs.
  const { state, formAction, onSubmit, pending } = useQueuedForm(changeRewardPoints, { actionPath: '/action/examples/addFiftyRewardsPoints' });
  const now = state.status === 'done' ? state.data.rewardPoints : points;
  return (
    <form className="reward-single" action={formAction} onSubmit={onSubmit} aria-label="One update at a time" data-state={pending ? 'pending' : state.status}>
      <p>
        Your points now: <strong data-testid="points-now">{now ?? '–'}</strong>
      </p>
      <div className="button-row">
        {UPDATES.map(({ label, action }) => (
          <button key={action} type="submit" name="change" value={action} className="button" disabled={pending}>
            {label}
          </button>
        ))}
      </div>
      <FormStateError state={state} />
    </form>
  );
}

export function RewardPoints({ title, maxDelayMs, points }: { title: string; maxDelayMs: number; points: number | null }) {
  // The race needs the page's script: without JavaScript its buttons stay disabled.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [run, setRun] = useState<Run | null>(null);
  const [running, setRunning] = useState<Mode | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async (mode: Mode) => {
    setRunning(mode);
    setError(null);
    try {
      const { rewardPoints: before } = await queuedAction<Points>(REWARD_POINTS_PATH);
      const steps = await Promise.all(
        UPDATES.map(async ({ label, action }): Promise<Step> => {
          // Random delays between the action's read and write of the session make the race visible.
          const delayMs = Math.floor(Math.random() * maxDelayMs);
          const path = `/action/examples/${action}?delayMs=${delayMs}`;
          try {
            const answer =
              mode === 'queued'
                ? await queuedAction<Points>(path)
                : await fetchApiHub<Points>(path, { method: 'POST' });
            return { label, delayMs, answered: answer.rewardPoints };
          } catch (caught) {
            return { label, delayMs, answered: { refused: caught instanceof Error ? caught.message : 'failed' } };
          }
        }),
      );
      const { rewardPoints: after } = await queuedAction<Points>(REWARD_POINTS_PATH);
      setRun({ mode, before, after, steps });
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(null);
    }
  };

  const consistent = run !== null && run.after === run.before;
  const refused = run === null ? 0 : run.steps.filter((step) => typeof step.answered !== 'number').length;
  return (
    <section className="reward-points card" aria-labelledby="reward-title">
      <h1 id="reward-title">{title}</h1>
      <p>
        Four updates of the points in the session: {UPDATES.map((u) => u.label).join(', ')}. They add up to zero, so
        the points should end where they started.
      </p>
      <SingleUpdates points={points} />
      <p>All four at once, the race and its cure (needs JavaScript):</p>
      <div className="button-row">
        <button type="button" className="button" disabled={!scripted || running !== null} onClick={() => void start('parallel')}>
          {running === 'parallel' ? 'Running…' : 'Fire all at once'}
        </button>
        <button type="button" className="button primary" disabled={!scripted || running !== null} onClick={() => void start('queued')}>
          {running === 'queued' ? 'Running…' : 'Fire through the queue'}
        </button>
      </div>
      <ErrorMessage error={error} />
      {run !== null && (
        <div className="reward-result" data-testid="reward-result" data-mode={run.mode}>
          <dl>
            <dt>Before</dt>
            <dd data-testid="points-before">{run.before}</dd>
            <dt>After</dt>
            <dd data-testid="points-after">{run.after}</dd>
          </dl>
          <p className={consistent && refused === 0 ? 'verdict ok' : 'verdict bad'}>
            {refused > 0
              ? `${refused} of ${run.steps.length} updates were refused; the session kept its previous value.`
              : consistent
              ? `Consistent: ${run.mode === 'queued' ? 'the queue ran the updates one after another' : 'this time the updates happened not to overlap'}.`
              : `Lost updates: the points are off by ${run.after - run.before}, because the updates overwrote each other's session.`}
          </p>
          <ol className="steps">
            {run.steps.map((step) => (
              <li key={step.label}>
                {step.label} (delay {step.delayMs} ms) →{' '}
                {typeof step.answered === 'number' ? `answered ${step.answered}` : <span className="error-text">refused: {step.answered.refused}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
