import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CookieHandler, SDK } from '@commercetools/frontend-sdk';
import {
  createServerSession,
  FetchApiHubError,
  SessionEndedError,
  SessionLineage,
  SessionWriteInServerComponentError,
  type ServerCookies,
  type ServerSessionOptions,
} from '../lib/server-session/index.js';
import { DEFAULT_SESSION_LIFETIME_MS } from '../lib/session-cookie.js';
import { CookieJar } from './support/cookie-jar.js';
import { actionCookies, componentCookies } from './support/next-cookies.js';
import { json, startTinyHub, token } from './support/tiny-hub.js';

type TinyHub = Awaited<ReturnType<typeof startTinyHub>>;

/** A long token of the hub's shape (a compact JWS) whose cookie needs `bytes` bytes with its name. */
const tokenOfCookieBytes = (bytes: number): string => `a.${'b'.repeat(bytes - 'frontastic-session'.length - 4)}.c`;

// A hub whose sessions are lists of SKUs: every write answers with a new token naming the list it made from
// the one it was sent, after a short delay, so two writes sent with one token lose one SKU unless ordered.
const lists = new Map<string, string[]>();
let issued = 0;
function issue(items: string[]): string {
  issued += 1;
  const next = token(issued);
  lists.set(next, items);
  return next;
}
const READS = new Set(['cart/get']);
const isSessionRead = (actionName: string): boolean => READS.has(actionName);

let hub: TinyHub;
/** Answers held by `cart/held` until the test lets them go. */
const held: Array<() => void> = [];

beforeAll(async () => {
  hub = await startTinyHub((request, response) => {
    const [path = '', search = ''] = request.url.split('?');
    const incoming = typeof request.headers['frontastic-session'] === 'string' ? request.headers['frontastic-session'] : undefined;
    const items = (incoming === undefined ? undefined : lists.get(incoming)) ?? [];
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => json(response, status, body, headers);
    switch (path) {
      case '/frontastic/action/cart/add': {
        const { sku } = JSON.parse(request.body) as { sku: string };
        const delayMs = Number(new URLSearchParams(search).get('delayMs') ?? 0);
        return void setTimeout(() => {
          const next = issue([...items, sku]);
          answer(200, { items: lists.get(next) }, { 'Frontastic-Session': next });
        }, delayMs);
      }
      case '/frontastic/action/cart/held':
        return void held.push(() => answer(200, { items }, { 'Frontastic-Session': issue(items) }));
      case '/frontastic/action/cart/get':
        // Our hub sends back the very token it got for a read; the platform would re-encode it.
        return answer(200, { items }, incoming === undefined ? {} : { 'Frontastic-Session': incoming });
      case '/frontastic/action/account/logout':
        return answer(200, { loggedIn: false }, { 'Frontastic-Session': issue([]) });
      case '/frontastic/action/account/expired':
        return answer(401, { error: { code: 'SESSION_EXPIRED', message: 'Your sign-in has expired.' } }, { 'Frontastic-Session': issue(['kept']) });
      case '/frontastic/action/account/wrong':
        return answer(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' } }, { 'Frontastic-Session': issue(['never']) });
      case '/frontastic/action/big/guarded':
        return answer(413, { error: { code: 'SESSION_TOO_LARGE', message: 'The session would exceed 4096 bytes.' } }, incoming === undefined ? {} : { 'Frontastic-Session': incoming });
      case '/frontastic/action/big/refused':
        return answer(200, { ok: true }, { 'Frontastic-Session': incoming ?? issue([]), 'X-Session-Refused': 'too-large; cookie would be 4101 bytes, limit 4096; previous session kept' });
      case '/frontastic/action/big/issued':
        return answer(200, { ok: true }, { 'Frontastic-Session': tokenOfCookieBytes(4097) });
      case '/frontastic/action/big/fits':
        return answer(200, { ok: true }, { 'Frontastic-Session': tokenOfCookieBytes(4096) });
      case '/frontastic/action/slow/answer':
        return void setTimeout(() => answer(200, { late: true }), 1_000).unref();
      default:
        return answer(404, { code: 'ACTION_NOT_FOUND', message: `No action ${path}.` });
    }
  });
});

afterAll(async () => {
  await hub.close();
});

beforeEach(() => {
  hub.seen.length = 0;
});

function session(cookies: ServerCookies, options: Partial<ServerSessionOptions> = {}) {
  return createServerSession({ endpoint: hub.url, isSessionRead, cookies: () => cookies, mode: 'development', ...options });
}

const sent = (action: string) => hub.seen.filter((request) => request.url.startsWith(`/frontastic/action/${action}`));
const sessionSent = (action: string) => sent(action).map((request) => request.headers['frontastic-session']);

describe('createServerSession: calls from a Server Action or Route Handler', () => {
  it('sends the cookie as the SDK does and stores the answer in a Set-Cookie that is byte for byte the SDK\'s own', async () => {
    const start = issue(['mug']);
    const { cookies, setCookies } = actionCookies(`frontastic-session=${start}; theme=dark`);
    const answer = await session(cookies).callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'lamp' } });
    expect(answer.items).toEqual(['mug', 'lamp']);
    const [request] = sent('cart/add');
    expect(request?.headers).toMatchObject({ 'frontastic-session': start, 'frontastic-locale': 'en_US', 'frontastic-currency': 'EUR', 'content-type': 'application/json' });
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual({ sku: 'lamp' });

    // The real frontend-sdk 2.1.1 on the server, given Node's req and res, for the same call.
    const sdk = new SDK();
    sdk.configure({ endpoint: hub.url, locale: 'en_US', currency: 'EUR', extensionVersion: 'test' });
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    const req = { cookies: { 'frontastic-session': start }, headers: {} };
    const theirs = await sdk.callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'lamp' }, serverOptions: { req, res } as never });
    expect(theirs.isError).toBe(false);
    const sdkSetCookie = res.getHeader('Set-Cookie') as string[];
    expect(sdkSetCookie).toHaveLength(1);
    // Each call got its own token from the hub; with the token swapped in, the lines are identical.
    const ours = setCookies();
    expect(ours).toHaveLength(1);
    const ourToken = /^frontastic-session=([^;]*);/.exec(ours[0] ?? '')?.[1] ?? '';
    const sdkToken = /^frontastic-session=([^;]*);/.exec(sdkSetCookie[0] ?? '')?.[1] ?? '';
    expect(ours[0]).toBe(`frontastic-session=${ourToken}; Path=/; Secure`);
    expect(ours[0]?.replace(ourToken, sdkToken)).toBe(sdkSetCookie[0]);
  });

  it('gives a remembered shopper the 90-day expiry, byte for byte as the SDK writes it in the browser', async () => {
    const now = Date.UTC(2026, 0, 15, 12, 0, 0);
    const { cookies, setCookies } = actionCookies(`frontastic-session=${issue([])}; __rememberMe=1`);
    await session(cookies, { now: () => now }).callAction({ actionName: 'cart/add', payload: { sku: 'pen' } });
    const written = setCookies()[0] ?? '';
    const value = /^frontastic-session=([^;]*);/.exec(written)?.[1] ?? '';

    const globals = globalThis as { window?: unknown; document?: unknown };
    const browser = new CookieJar();
    globals.window = globalThis;
    globals.document = browser;
    try {
      await new CookieHandler().setCookie('frontastic-session', value, { expires: new Date(now + DEFAULT_SESSION_LIFETIME_MS) } as never);
    } finally {
      delete globals.window;
      delete globals.document;
    }
    expect(written).toBe(browser.writes[0]);
    expect(written).toMatch(/; Path=\/; Expires=Wed, 15 Apr 2026 12:00:00 GMT; Secure$/);
  });

  it('starts a session for a request without a cookie, and a later call in the same request uses the new token', async () => {
    const { cookies, setCookies } = actionCookies();
    const serverSession = session(cookies);
    await serverSession.callAction({ actionName: 'cart/add', payload: { sku: 'mug' } });
    const answer = await serverSession.callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'lamp' } });
    expect(answer.items).toEqual(['mug', 'lamp']);
    expect(sessionSent('cart/add')[0]).toBeUndefined();
    expect(setCookies()).toHaveLength(1);
  });

  it('stores the signed-out session of SESSION_EXPIRED and rejects with it; another error answer stores nothing', async () => {
    const start = issue(['mine']);
    const expired = actionCookies(`frontastic-session=${start}`);
    const error = await session(expired.cookies).callAction({ actionName: 'account/expired' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchApiHubError);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401, path: '/action/account/expired' });
    const kept = /^frontastic-session=([^;]*);/.exec(expired.setCookies()[0] ?? '')?.[1];
    expect(lists.get(kept ?? '')).toEqual(['kept']);

    const wrong = actionCookies(`frontastic-session=${start}`);
    await expect(session(wrong.cookies).callAction({ actionName: 'account/wrong' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(wrong.setCookies()).toEqual([]);
  });

  it('never sends a cookie that is not a token, and deletes it before the call (a failing call does not keep it)', async () => {
    for (const bad of ['{"json":true}', 'true', 'not-a-jws', 'a.b']) {
      hub.seen.length = 0;
      const { cookies, setCookies } = actionCookies(`frontastic-session=${encodeURIComponent(bad)}`);
      await expect(session(cookies).callAction({ actionName: 'no/such' })).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND', status: 404 });
      expect(sessionSent('no/such')).toEqual([undefined]);
      expect(setCookies()).toEqual([expect.stringMatching(/^frontastic-session=; Path=\/; Expires=.*; Max-Age=-1; Secure$/)]);
    }
  });

  it('sends no session for a cookie with a bad % escape (Next.js drops it) and the answer\'s token replaces it', async () => {
    const { cookies, setCookies } = actionCookies('frontastic-session=%E0%A4%A');
    await session(cookies).callAction({ actionName: 'cart/add', payload: { sku: 'mug' } });
    expect(sessionSent('cart/add')).toEqual([undefined]);
    expect(setCookies()).toEqual([expect.stringMatching(/^frontastic-session=t\.\d+\.s; Path=\/; Secure$/)]);
  });

  it('surfaces every over-size refusal, and keeps the previous session', async () => {
    const start = issue(['mug']);
    const guarded = actionCookies(`frontastic-session=${start}`);
    await expect(session(guarded.cookies).callAction({ actionName: 'big/guarded' })).rejects.toMatchObject({ code: 'SESSION_TOO_LARGE', status: 413 });
    expect(guarded.setCookies()).toEqual([]);

    // Our hub's own check: a 2xx whose session write was refused.
    const refused = actionCookies(`frontastic-session=${start}`);
    const refusal = await session(refused.cookies).callAction({ actionName: 'big/refused' }).catch((caught: unknown) => caught);
    expect(refusal).toMatchObject({ code: 'SESSION_TOO_LARGE', status: 200 });
    expect((refusal as Error).message).toMatch(/big\/refused.*previous session is kept/);
    expect(refused.setCookies()).toEqual([`frontastic-session=${start}; Path=/; Secure`]);

    // A hub without that check (the platform) issues it: a browser would drop the cookie silently.
    const issuedBig = actionCookies(`frontastic-session=${start}`);
    const tooBig = await session(issuedBig.cookies).callAction({ actionName: 'big/issued' }).catch((caught: unknown) => caught);
    expect(tooBig).toMatchObject({ code: 'SESSION_TOO_LARGE' });
    expect((tooBig as Error).message).toMatch(/4097-byte cookie, over the browser's 4096/);
    expect(issuedBig.setCookies()).toEqual([]);
    // The largest cookie a browser keeps is stored.
    const fits = actionCookies(`frontastic-session=${start}`);
    await session(fits.cookies).callAction({ actionName: 'big/fits' });
    expect(fits.setCookies()).toEqual([`frontastic-session=${tokenOfCookieBytes(4096)}; Path=/; Secure`]);
  });

  it('logout deletes the session and "remember me" cookies, as the SDK\'s invalidateSession() does', async () => {
    const { cookies, setCookies } = actionCookies(`frontastic-session=${issue(['mug'])}; __rememberMe=1`);
    await expect(session(cookies).logout({ actionName: 'account/logout' })).resolves.toEqual({ loggedIn: false });
    expect(setCookies()).toEqual([
      expect.stringMatching(/^frontastic-session=; Path=\/; Expires=.*; Max-Age=-1; Secure$/),
      expect.stringMatching(/^__rememberMe=; Path=\/; Expires=.*; Max-Age=-1; Secure$/),
    ]);
  });

  it('a logout that fails leaves the cookie', async () => {
    const { cookies, setCookies } = actionCookies(`frontastic-session=${issue(['mug'])}`);
    await expect(session(cookies, { endpoint: 'http://127.0.0.1:9' }).logout({ actionName: 'account/logout' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(setCookies()).toEqual([]);
  });

  it('a hub that does not answer in time fails with HUB_TIMEOUT and frees the session for the next call', async () => {
    const start = issue(['mug']);
    const lineage = new SessionLineage();
    const slow = actionCookies(`frontastic-session=${start}`);
    const timedOut = session(slow.cookies, { lineage, timeoutMs: 100 }).callAction({ actionName: 'slow/answer' });
    const after = actionCookies(`frontastic-session=${start}`);
    const next = session(after.cookies, { lineage }).callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'lamp' } });
    await expect(timedOut).rejects.toMatchObject({ code: 'HUB_TIMEOUT', status: 0, message: expect.stringMatching(/slow\/answer within 0.1 s/) });
    await expect(next).resolves.toEqual({ items: ['mug', 'lamp'] });
  });
});

describe('createServerSession: two writes of one session at once, in one process', () => {
  it('keep both effects: the second waits and runs with the session the first wrote', async () => {
    const start = issue(['mug']);
    const lineage = new SessionLineage();
    const first = actionCookies(`frontastic-session=${start}`);
    const second = actionCookies(`frontastic-session=${start}`);
    const [a, b] = await Promise.all([
      session(first.cookies, { lineage }).callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'lamp' }, query: { delayMs: 80 } }),
      session(second.cookies, { lineage }).callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'pen' }, query: { delayMs: 10 } }),
    ]);
    expect(a.items).toEqual(['mug', 'lamp']);
    expect(b.items).toEqual(['mug', 'lamp', 'pen']);
    const [firstToken, secondSent] = [/^frontastic-session=([^;]*);/.exec(first.setCookies()[0] ?? '')?.[1], sessionSent('cart/add')[1]];
    expect(secondSent).toBe(firstToken);
    // Whichever answer the browser stores last, the session's newest token is what the next call sends.
    const stale = actionCookies(`frontastic-session=${firstToken ?? ''}`);
    await expect(session(stale.cookies, { lineage }).callAction({ actionName: 'cart/get' })).resolves.toEqual({ items: ['mug', 'lamp', 'pen'] });
    await expect(session(componentCookies(`frontastic-session=${start}`), { lineage }).readAction({ actionName: 'cart/get' })).resolves.toEqual({ items: ['mug', 'lamp', 'pen'] });
  });

  it('a request carrying the token of a write still running joins the same line', async () => {
    const start = issue([]);
    const lineage = new SessionLineage();
    const first = actionCookies(`frontastic-session=${start}`);
    const firstCall = session(first.cookies, { lineage }).callAction({ actionName: 'cart/add', payload: { sku: 'mug' }, query: { delayMs: 30 } });
    const secondCall = session(actionCookies(`frontastic-session=${start}`).cookies, { lineage }).callAction({ actionName: 'cart/add', payload: { sku: 'lamp' }, query: { delayMs: 60 } });
    await firstCall;
    // Sent with the first answer's token while the second write is still running.
    const third = session(actionCookies(first.setCookies()[0]?.split(';')[0] ?? '').cookies, { lineage }).callAction<{ items: string[] }>({ actionName: 'cart/add', payload: { sku: 'pen' } });
    await secondCall;
    await expect(third).resolves.toEqual({ items: ['mug', 'lamp', 'pen'] });
  });

  it('different sessions do not wait for each other', async () => {
    const lineage = new SessionLineage();
    const heldCall = session(actionCookies(`frontastic-session=${issue([])}`).cookies, { lineage }).callAction({ actionName: 'cart/held' });
    // Answered while the other session's call is still held by the hub.
    await expect(
      session(actionCookies(`frontastic-session=${issue([])}`).cookies, { lineage }).callAction({ actionName: 'cart/add', payload: { sku: 'pen' } }),
    ).resolves.toEqual({ items: ['pen'] });
    expect(sent('cart/held')).toHaveLength(1);
    for (const release of held.splice(0)) release();
    await heldCall;
  });

  it('a write queued behind a logout of its session is refused unsent with SessionEndedError', async () => {
    const start = issue(['mug']);
    const lineage = new SessionLineage();
    const logout = session(actionCookies(`frontastic-session=${start}`).cookies, { lineage }).logout({ actionName: 'account/logout' });
    const late = session(actionCookies(`frontastic-session=${start}`).cookies, { lineage }).callAction({ actionName: 'cart/add', payload: { sku: 'lamp' } });
    await logout;
    const error = await late.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionEndedError);
    expect(error).toMatchObject({ code: 'SESSION_ENDED', reason: 'logout' });
    expect(sent('cart/add')).toEqual([]);
    // A Server Component rendering with the ended cookie reads as a guest.
    await session(componentCookies(`frontastic-session=${start}`), { lineage }).readAction({ actionName: 'cart/get' });
    expect(sessionSent('cart/get')).toEqual([undefined]);
  });
});

describe('createServerSession: Server Components never lose a write silently', () => {
  it('a read just works, and nothing is written', async () => {
    const start = issue(['mug']);
    await expect(session(componentCookies(`frontastic-session=${start}`)).readAction({ actionName: 'cart/get' })).resolves.toEqual({ items: ['mug'] });
    expect(sessionSent('cart/get')).toEqual([start]);
  });

  it('in development, a writing action is the named error, before anything is sent', async () => {
    const start = issue(['mug']);
    const error = await session(componentCookies(`frontastic-session=${start}`)).readAction({ actionName: 'cart/add', payload: { sku: 'lamp' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionWriteInServerComponentError);
    expect(error).toMatchObject({ name: 'SessionWriteInServerComponentError', code: 'SESSION_WRITE_IN_SERVER_COMPONENT', actionName: 'cart/add' });
    expect((error as Error).message).toMatch(/"cart\/add" changes the session.*Server Action or a Route Handler/);
    expect(sent('cart/add')).toEqual([]);
  });

  it('in production, it is sent, its session is dropped, and a warning names the action', async () => {
    const warnings: string[] = [];
    const start = issue(['mug']);
    const answer = await session(componentCookies(`frontastic-session=${start}`), { mode: 'production', warn: (message) => warnings.push(message) }).readAction<{ items: string[] }>({
      actionName: 'cart/add',
      payload: { sku: 'lamp' },
    });
    expect(answer.items).toEqual(['mug', 'lamp']);
    expect(warnings).toEqual([expect.stringMatching(/^The action "cart\/add" changes the session/)]);
    expect(warnings[0]).not.toContain(start);
  });

  it('callAction used in a Server Component by mistake: a write is the named error in development, a warning in production; a read works', async () => {
    const start = issue(['mug']);
    const error = await session(componentCookies(`frontastic-session=${start}`)).callAction({ actionName: 'cart/add', payload: { sku: 'lamp' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionWriteInServerComponentError);
    expect((error as Error & { cause?: Error }).cause?.message).toMatch(/Cookies can only be modified in a Server Action or Route Handler/);

    const warnings: string[] = [];
    await expect(
      session(componentCookies(`frontastic-session=${start}`), { mode: 'production', warn: (message) => warnings.push(message) }).callAction({ actionName: 'cart/add', payload: { sku: 'pen' } }),
    ).resolves.toEqual({ items: ['mug', 'pen'] });
    expect(warnings).toHaveLength(1);

    await expect(session(componentCookies(`frontastic-session=${start}`)).callAction({ actionName: 'cart/get' })).resolves.toEqual({ items: ['mug'] });
  });

  it('the default production warning goes to console.warn, and NODE_ENV picks the mode', async () => {
    const original = { warn: console.warn, env: process.env.NODE_ENV };
    const logged: unknown[][] = [];
    console.warn = (...args: unknown[]) => void logged.push(args);
    (process.env as Record<string, string>).NODE_ENV = 'production';
    try {
      await createServerSession({ endpoint: hub.url, isSessionRead, cookies: () => componentCookies() }).readAction({ actionName: 'cart/add', payload: { sku: 'mug' } });
    } finally {
      console.warn = original.warn;
      (process.env as Record<string, string | undefined>).NODE_ENV = original.env;
    }
    expect(logged).toEqual([[expect.stringMatching(/^\[server-session\] The action "cart\/add" changes the session/)]]);
  });
});
