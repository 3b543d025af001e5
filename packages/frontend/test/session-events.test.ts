import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { actionQueue } from '../helpers/Queue.js';
import { configureFetchApiHub } from '../lib/fetch-api-hub.js';
import { logout } from '../lib/logout.js';
import { queuedAction } from '../lib/queued-action.js';
import { onSessionEvent, SESSION_CHANNEL, type SessionEvent } from '../lib/session-channel.js';
import { endSession, followSessionEndsElsewhere, SessionEndedError } from '../lib/session-end.js';
import { CookieJar } from './support/cookie-jar.js';
import { deferred } from '../../action-queue/test/support/deferred.js';
import { json, startTinyHub, token } from './support/tiny-hub.js';

type TinyHub = Awaited<ReturnType<typeof startTinyHub>>;

let hub: TinyHub;
let jar: CookieJar;
/** Another tab of the same browser, as far as the channel is concerned. */
let otherTab: BroadcastChannel;
let heardByOtherTab: unknown[];
let heardHere: Array<{ event: SessionEvent; elsewhere: boolean }>;
let stopListening: () => void;
let stopFollowing: () => void;
let hold = deferred();

beforeAll(async () => {
  let n = 0;
  hub = await startTinyHub((request, response) => {
    if (request.url.startsWith('/frontastic/action/slow/')) {
      void hold.promise.then(() => json(response, 200, { slow: true }, { 'Frontastic-Session': token(++n) }));
      return;
    }
    json(response, 200, { path: request.url }, { 'Frontastic-Session': token(++n) });
  });
  otherTab = new BroadcastChannel(SESSION_CHANNEL);
  otherTab.addEventListener('message', (message) => heardByOtherTab.push((message as MessageEvent).data));
  stopListening = onSessionEvent((event, elsewhere) => heardHere.push({ event, elsewhere }));
  stopFollowing = followSessionEndsElsewhere();
});

afterAll(async () => {
  stopListening();
  stopFollowing();
  otherTab.close();
  await hub.close();
});

beforeEach(() => {
  jar = new CookieJar();
  configureFetchApiHub({ endpoint: hub.url, cookies: jar });
  heardByOtherTab = [];
  heardHere = [];
  hold = deferred();
});

/** Lets the channel deliver what is in flight. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

describe('session news between tabs', () => {
  it('a successful write is news for the other tabs; a read is not', async () => {
    await queuedAction('/action/cart/getCart');
    await queuedAction('/action/account/getAccount');
    await delivered();
    expect(heardByOtherTab).toEqual([]);
    await queuedAction('/action/cart/addToCart', { sku: 'A' });
    await delivered();
    expect(heardByOtherTab).toEqual([{ kind: 'changed' }]);
    expect(heardHere).toEqual([{ event: { kind: 'changed' }, elsewhere: false }]);
  });

  it("another tab's news reaches this tab's listeners as news from elsewhere; messages of another shape are ignored", async () => {
    otherTab.postMessage({ kind: 'changed' });
    otherTab.postMessage({ kind: 'ended', reason: 'no such reason' });
    otherTab.postMessage('changed');
    otherTab.postMessage(null);
    otherTab.postMessage({ kind: 'ended', reason: 'expired' });
    await delivered();
    expect(heardHere).toEqual([
      { event: { kind: 'changed' }, elsewhere: true },
      { event: { kind: 'ended', reason: 'expired' }, elsewhere: true },
    ]);
  });
});

describe('a session that ends rejects the actions waiting for it', () => {
  it("endSession rejects this tab's waiting items with SessionEndedError, leaves the running one alone, and tells every tab", async () => {
    const running = queuedAction('/action/slow/write');
    const waiting = [queuedAction('/action/cart/addToCart', { sku: 'A' }), queuedAction('/action/cart/getCart')];
    endSession('logout');
    for (const item of waiting) {
      const error = await item.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SessionEndedError);
      expect(error).toMatchObject({ code: 'SESSION_ENDED', reason: 'logout' });
    }
    hold.resolve();
    await expect(running).resolves.toEqual({ slow: true });
    await delivered();
    expect(heardByOtherTab).toContainEqual({ kind: 'ended', reason: 'logout' });
  });

  it("another tab's end of the session rejects this tab's waiting items", async () => {
    const running = queuedAction('/action/slow/write');
    const waiting = queuedAction('/action/cart/addToCart', { sku: 'A' });
    otherTab.postMessage({ kind: 'ended', reason: 'logout' });
    await expect(waiting).rejects.toBeInstanceOf(SessionEndedError);
    hold.resolve();
    await running;
  });

  it("an item queued with a session that finds no cookie at its turn is rejected unsent (another tab's logout, before its message arrived)", async () => {
    await queuedAction('/action/cart/addToCart', { sku: 'A' });
    // Stands for the other tab's logout holding the browser-wide turn: it deletes the cookie, and its
    // message has not been read here when this tab's item gets the turn.
    const logoutElsewhere = actionQueue.add(async () => {
      await hold.promise;
      jar.cookie = 'frontastic-session=; Max-Age=-1; Path=/; Secure';
    });
    const waiting = queuedAction('/action/cart/addToCart', { sku: 'B' });
    const sentBefore = hub.seen.length;
    hold.resolve();
    await logoutElsewhere;
    await expect(waiting).rejects.toBeInstanceOf(SessionEndedError);
    expect(hub.seen.length).toBe(sentBefore);
    // A guest's next action (queued without a session) runs and starts a new one.
    await expect(queuedAction('/action/cart/addToCart', { sku: 'C' })).resolves.toBeDefined();
  });

  it('logout() deletes the session cookie as the SDK does, rejects what waits behind it and tells every tab', async () => {
    jar.cookie = '__rememberMe=1; Path=/';
    await queuedAction('/action/cart/addToCart', { sku: 'A' });
    expect(jar.get('frontastic-session')).toBeDefined();
    const out = logout();
    const behind = queuedAction('/action/cart/addToCart', { sku: 'B' });
    await expect(out).resolves.toEqual({ path: '/frontastic/action/account/logout' });
    await expect(behind).rejects.toBeInstanceOf(SessionEndedError);
    expect(jar.get('frontastic-session')).toBeUndefined();
    expect(jar.get('__rememberMe')).toBeUndefined();
    await delivered();
    expect(heardByOtherTab).toContainEqual({ kind: 'ended', reason: 'logout' });
    await actionQueue.onIdle();
  });
});
