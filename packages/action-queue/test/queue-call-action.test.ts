import { describe, expect, it } from '@jest/globals';
import { ActionQueue, QueueTimeoutError, queueCallAction, SessionEndedError, type QueueableSdk, type SdkCallOptions, type SdkCallResult } from '../src/index.js';
import { deferred } from './support/deferred.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJwIjoxfQ.c2lnbmF0dXJl';
const NEW_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJwIjoyfQ.c2lnbmF0dXJl';

/** A cookie jar with document.cookie's interface: writes set or (Max-Age=-1) delete one cookie, reads list them. */
function jar(initial: Record<string, string> = {}) {
  const cookies = new Map(Object.entries(initial));
  return {
    cookies,
    get cookie(): string {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(line: string) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      if (attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=-1')) cookies.delete(name);
      else cookies.set(name, pair.slice(at + 1));
    },
  };
}

/** An SDK whose answers the test scripts: each call waits for its turn to be answered, and records overlaps. */
function scriptedSdk(doc: ReturnType<typeof jar>) {
  const calls: { options: SdkCallOptions; answer: (result: SdkCallResult, token?: string) => void }[] = [];
  let running = 0;
  let overlapped = false;
  const sdk: QueueableSdk & { invalidated: number } = {
    invalidated: 0,
    callAction(options) {
      running += 1;
      if (running > 1) overlapped = true;
      const done = deferred<SdkCallResult>();
      calls.push({
        options,
        answer: (result, token) => {
          if (token !== undefined) doc.cookie = `frontastic-session=${token}; Path=/; Secure`;
          running -= 1;
          done.resolve(result);
        },
      });
      return done.promise;
    },
    async invalidateSession() {
      sdk.invalidated += 1;
      doc.cookies.delete('frontastic-session');
    },
  };
  return { sdk, calls, overlapped: () => overlapped };
}

const ok = (data: unknown): SdkCallResult => ({ isError: false, tracing: {}, ...{ data } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
// Some calls here are never answered: no long-item report timer may outlive the test.
const testQueue = (): ActionQueue => new ActionQueue({ longItemReportMs: false });

describe('queueCallAction', () => {
  it('runs every callAction of the SDK one at a time, in order, with parallel: true (the SDK queues nothing itself)', async () => {
    const doc = jar();
    const { sdk, calls, overlapped } = scriptedSdk(doc);
    queueCallAction(sdk, { queue: testQueue(), document: doc });
    const first = sdk.callAction({ actionName: 'cart/addToCart', payload: { sku: 'A' } });
    const second = sdk.callAction({ actionName: 'cart/addToCart', payload: { sku: 'B' }, parallel: false });
    await settle();
    expect(calls.map((call) => call.options)).toEqual([{ actionName: 'cart/addToCart', payload: { sku: 'A' }, parallel: true }]);
    calls[0]?.answer(ok('A'), TOKEN);
    expect(await first).toMatchObject({ isError: false, data: 'A' });
    await settle();
    expect(calls.map((call) => call.options.payload)).toEqual([{ sku: 'A' }, { sku: 'B' }]);
    expect(calls[1]?.options.parallel).toBe(true);
    calls[1]?.answer(ok('B'));
    expect(await second).toMatchObject({ data: 'B' });
    expect(overlapped()).toBe(false);
  });

  it('does not queue a server-side call (serverOptions): the queue orders one browser, not a server', async () => {
    const doc = jar();
    const { sdk, calls } = scriptedSdk(doc);
    queueCallAction(sdk, { queue: testQueue(), document: doc });
    void sdk.callAction({ actionName: 'cart/getCart' });
    void sdk.callAction({ actionName: 'cart/getCart', serverOptions: { req: {} } });
    await settle();
    expect(calls.map((call) => call.options)).toEqual([{ actionName: 'cart/getCart', parallel: true }, { actionName: 'cart/getCart', serverOptions: { req: {} } }]);
    for (const call of calls) call.answer(ok(null));
  });

  it('SESSION_EXPIRED: the session is invalidated, the waiting actions are not sent (SessionEndedError), onSessionEnded is told', async () => {
    const doc = jar({ 'frontastic-session': TOKEN });
    const { sdk, calls } = scriptedSdk(doc);
    const ended: string[] = [];
    queueCallAction(sdk, { queue: testQueue(), document: doc, onSessionEnded: (reason) => ended.push(reason) });
    const expiring = sdk.callAction({ actionName: 'account/getAccount' });
    const waiting = sdk.callAction({ actionName: 'cart/addToCart' });
    await settle();
    calls[0]?.answer({ isError: true, error: { message: 'expired', error: { code: 'SESSION_EXPIRED', message: 'Sign in again.' } } });
    expect(await expiring).toMatchObject({ isError: true, error: { error: { code: 'SESSION_EXPIRED' } } });
    const dropped = await waiting;
    expect(dropped.isError).toBe(true);
    expect(dropped.error).toBeInstanceOf(SessionEndedError);
    expect(dropped.error).toMatchObject({ code: 'SESSION_ENDED', reason: 'expired' });
    expect(calls).toHaveLength(1);
    expect(sdk.invalidated).toBe(1);
    expect(ended).toEqual(['expired']);
    // The hub's own error shape ({ code }) counts too, and so do codes the project names.
    const other = scriptedSdk(jar());
    queueCallAction(other.sdk, { queue: testQueue(), document: jar(), expiredCodes: ['TOKEN_GONE'] });
    const answer = other.sdk.callAction({ actionName: 'x/y' });
    await settle();
    other.calls[0]?.answer({ isError: true, error: { code: 'TOKEN_GONE' } });
    await answer;
    expect(other.sdk.invalidated).toBe(1);
  });

  it('without invalidateSession (SDK 2.0) the cookies are deleted by hand', async () => {
    const doc = jar({ 'frontastic-session': TOKEN, __rememberMe: 'true', other: 'kept' });
    const { sdk, calls } = scriptedSdk(doc);
    delete sdk.invalidateSession;
    queueCallAction(sdk, { queue: testQueue(), document: doc });
    const answer = sdk.callAction({ actionName: 'account/getAccount' });
    await settle();
    calls[0]?.answer({ isError: true, error: { error: { code: 'SESSION_EXPIRED' } } });
    await answer;
    expect(Object.fromEntries(doc.cookies)).toEqual({ other: 'kept' });
  });

  it('an action queued with a session whose cookie is gone at its turn (a logout elsewhere) is not sent', async () => {
    const doc = jar({ 'frontastic-session': TOKEN });
    const { sdk, calls } = scriptedSdk(doc);
    queueCallAction(sdk, { queue: testQueue(), document: doc });
    const logout = sdk.callAction({ actionName: 'account/logout' });
    const after = sdk.callAction({ actionName: 'cart/addToCart' });
    await settle();
    doc.cookies.delete('frontastic-session');
    calls[0]?.answer(ok({ loggedIn: false }));
    await logout;
    expect(await after).toMatchObject({ isError: true, error: { code: 'SESSION_ENDED', reason: 'logout' } });
    expect(calls).toHaveLength(1);
    // A guest's actions (queued without a session) are sent as usual.
    const guest = sdk.callAction({ actionName: 'cart/addToCart' });
    await settle();
    calls[1]?.answer(ok('guest'), NEW_TOKEN);
    expect(await guest).toMatchObject({ data: 'guest' });
  });

  it.each([['a bad % escape', '%E0%A4%A'], ['a value that is not a token', 'hello'], ['an empty value', '']])(
    'a session cookie with %s is deleted before the SDK reads it; other cookies stay',
    async (_what, value) => {
      const doc = jar({ 'frontastic-session': value, other: 'kept' });
      const { sdk, calls } = scriptedSdk(doc);
      let seen: string | undefined;
      const original = sdk.callAction;
      sdk.callAction = (options) => {
        seen = doc.cookie;
        return original(options);
      };
      queueCallAction(sdk, { queue: testQueue(), document: doc });
      const answer = sdk.callAction({ actionName: 'cart/getCart' });
      await settle();
      expect(seen).toBe('other=kept');
      calls[0]?.answer(ok('cart'), TOKEN);
      expect(await answer).toMatchObject({ data: 'cart' });
    },
  );

  it('never rejects, as the SDK: a timeout comes back as { isError: true, error: QueueTimeoutError }', async () => {
    const doc = jar();
    const { sdk } = scriptedSdk(doc);
    queueCallAction(sdk, { queue: testQueue(), document: doc, timeoutMs: 10 });
    const answer = await sdk.callAction({ actionName: 'slow/action' });
    expect(answer.isError).toBe(true);
    expect(answer.error).toBeInstanceOf(QueueTimeoutError);
  });

  it('the function it returns puts the original callAction back, once', async () => {
    const doc = jar();
    const { sdk } = scriptedSdk(doc);
    const original = sdk.callAction;
    const undo = queueCallAction(sdk, { queue: testQueue(), document: doc });
    expect(sdk.callAction).not.toBe(original);
    undo();
    expect(sdk.callAction).toBe(original);
    // Undoing after someone else replaced it leaves theirs in place.
    const theirs = (): Promise<SdkCallResult> => Promise.resolve(ok(1));
    queueCallAction(sdk, { queue: testQueue(), document: doc });
    const undoAgain = queueCallAction(sdk, { queue: testQueue(), document: doc });
    sdk.callAction = theirs;
    undoAgain();
    expect(sdk.callAction).toBe(theirs);
  });
});
