'use client';

import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { fetchApiHub } from '../../../lib/fetch-api-hub';
import { queuedAction } from '../../../lib/queued-action';

interface Points {
  rewardPoints: number;
}

const UPDATES = [
  { label: '+50', action: 'addFiftyRewardsPoints' },
  { label: '+20', action: 'addTwentyRewardsPoints' },
  { label: '−20', action: 'deductTwentyRewardPoints' },
  { label: '−50', action: 'deductFiftyRewardsPoints' },
] as const;

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

export function RewardPoints({ title, maxDelayMs }: { title: string; maxDelayMs: number }) {
  const [run, setRun] = useState<Run | null>(null);
  const [running, setRunning] = useState<Mode | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async (mode: Mode) => {
    setRunning(mode);
    setError(null);
    try {
      const { rewardPoints: before } = await queuedAction<Points>('/action/examples/getRewardPoints');
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
      const { rewardPoints: after } = await queuedAction<Points>('/action/examples/getRewardPoints');
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
      <div className="button-row">
        <button type="button" className="button" disabled={running !== null} onClick={() => void start('parallel')}>
          {running === 'parallel' ? 'Running…' : 'Fire all at once'}
        </button>
        <button type="button" className="button primary" disabled={running !== null} onClick={() => void start('queued')}>
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
