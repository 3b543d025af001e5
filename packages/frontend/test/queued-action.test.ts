import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actionQueue, QueueTimeoutError } from '../helpers/Queue.js';
import { configureFetchApiHub } from '../lib/fetch-api-hub.js';
import { actionFetcher, queuedAction } from '../lib/queued-action.js';
import { CookieJar } from './support/cookie-jar.js';
import { json, startTinyHub, token, tokenNumber } from './support/tiny-hub.js';

type TinyHub = Awaited<ReturnType<typeof startTinyHub>>;

let hub: TinyHub;
const jar = new CookieJar();
let running = 0;
let mostAtOnce = 0;

beforeAll(async () => {
  hub = await startTinyHub((request, response) => {
    if (request.url.startsWith('/frontastic/action/slow/never')) return; // never answers
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    const n = tokenNumber(request.headers['frontastic-session']);
    setTimeout(() => {
      running--;
      json(response, 200, { n: n + 1, body: request.body }, { 'Frontastic-Session': token(n + 1) });
    }, 15);
  });
  configureFetchApiHub({ endpoint: hub.url, cookies: jar });
});

afterAll(async () => {
  await hub.close();
});

describe('queuedAction', () => {
  it('runs actions one at a time, each with the session its predecessor stored', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => queuedAction<{ n: number; body: string }>('/action/count/up', { i })));
    expect(answers.map((answer) => answer.n)).toEqual([1, 2, 3, 4, 5]);
    expect(answers[2]?.body).toBe('{"i":2}');
    expect(mostAtOnce).toBe(1);
    expect(jar.get('frontastic-session')).toBe(token(5));
  });

  it('the SWR fetcher queues too (a read racing a write would restore the old session)', async () => {
    const [write, read] = await Promise.all([queuedAction<{ n: number }>('/action/count/up', {}), actionFetcher<{ n: number }>('/action/count/read')]);
    expect(read.n).toBe(write.n + 1);
    expect(mostAtOnce).toBe(1);
  });

  it('aborts an action that does not answer in time, and the next one runs', async () => {
    const stuck = queuedAction('/action/slow/never', undefined, { timeoutMs: 50 });
    const next = queuedAction<{ n: number }>('/action/count/up', {});
    await expect(stuck).rejects.toBeInstanceOf(QueueTimeoutError);
    await expect(next).resolves.toMatchObject({ n: 8 });
    await actionQueue.onIdle();
  });
});
