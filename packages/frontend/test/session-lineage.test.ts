import { describe, expect, it } from '@jest/globals';
import { SessionLineage } from '../lib/server-session/index.js';

const wrote = (next: string | null) => async () => ({ next, outcome: { ok: true as const, value: next } });

describe('SessionLineage', () => {
  it('follows a session from token to token, and forgets a token after its time', async () => {
    let now = 0;
    const lineage = new SessionLineage({ ttlMs: 1_000, now: () => now });
    await lineage.serialise('t.1.s', wrote('t.2.s'));
    await lineage.serialise('t.2.s', wrote('t.3.s'));
    expect(lineage.latest('t.1.s')).toBe('t.3.s');
    expect(lineage.latest('t.9.s')).toBe('t.9.s');
    expect(lineage.latest(undefined)).toBeUndefined();
    now = 1_001;
    expect(lineage.latest('t.1.s')).toBe('t.1.s');
  });

  it('a step that leaves the session as it was (undefined) keeps the newest token; one that ends it (null) says so', async () => {
    const lineage = new SessionLineage();
    await lineage.serialise('t.1.s', async () => ({ next: undefined, outcome: { ok: true, value: 1 } }));
    expect(lineage.latest('t.1.s')).toBe('t.1.s');
    await lineage.serialise('t.1.s', wrote(null));
    expect(lineage.latest('t.1.s')).toBeNull();
  });

  it('a failing step still records the token it left, then rejects with its error', async () => {
    const lineage = new SessionLineage();
    const failure = new Error('refused');
    await expect(lineage.serialise('t.1.s', async () => ({ next: 't.2.s', outcome: { ok: false, error: failure } }))).rejects.toBe(failure);
    expect(lineage.latest('t.1.s')).toBe('t.2.s');
    // A step that throws frees the line too.
    await expect(lineage.serialise('t.2.s', async () => { throw failure; })).rejects.toBe(failure);
    await expect(lineage.serialise('t.2.s', wrote('t.3.s'))).resolves.toBe('t.3.s');
  });

  it('remembers at most maxTokens tokens, the oldest forgotten first', async () => {
    const lineage = new SessionLineage({ maxTokens: 3 });
    for (let n = 1; n <= 5; n++) await lineage.serialise(`t.${n}.s`, async () => ({ next: undefined, outcome: { ok: true, value: n } }));
    expect(lineage.size).toBe(3);
    await lineage.serialise('t.a.s', wrote('t.b.s'));
    expect(lineage.size).toBe(3);
    expect(lineage.latest('t.a.s')).toBe('t.b.s');
    expect(lineage.latest('t.1.s')).toBe('t.1.s');
  });

  it('a request without a token waits for nobody, and its first token starts a line', async () => {
    const lineage = new SessionLineage();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = lineage.serialise(undefined, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first');
      return { next: 't.1.s', outcome: { ok: true, value: 'first' } };
    });
    await lineage.serialise(undefined, async () => {
      order.push('second');
      return { next: 't.2.s', outcome: { ok: true, value: 'second' } };
    });
    release();
    await first;
    expect(order).toEqual(['second', 'first']);
    expect(lineage.latest('t.1.s')).toBe('t.1.s');
  });
});
