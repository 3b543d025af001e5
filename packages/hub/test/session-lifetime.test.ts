import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCipheriv } from 'node:crypto';
import { SignJWT } from 'jose';
import { decodeSession, deriveSessionKey, DEFAULT_SESSION_LIFETIME, encodeSession, HEADER, hubOptionsFromEnv, type SessionStamp } from '../src/index.js';
import { rawCall, type RawResponse } from './support/raw-call.js';
import { SECRET_A, SECRET_B, startTestHub, type TestHub } from './support/start-test-hub.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 1, 9, 0, 0);
const keyA = await deriveSessionKey(SECRET_A);

/** A hub whose clock the test moves: idle limit 10 minutes, absolute 60 minutes. */
async function hubWithClock(options: Parameters<typeof startTestHub>[0] = {}): Promise<{ hub: TestHub; clock: { now: number } }> {
  const clock = { now: START };
  const hub = await startTestHub({ sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, now: () => clock.now, ...options });
  return { hub, clock };
}

const act = (hub: TestHub, action: string, token?: string, body = '{}'): Promise<RawResponse> =>
  rawCall(`${hub.url}/frontastic/action/session/${action}`, { body, ...(token === undefined ? {} : { token }) });

function stampOf(answer: RawResponse): SessionStamp {
  const decoded = decodeSession(answer.headers.get(HEADER.session) ?? '', [keyA]);
  if (!decoded.ok) throw new Error(`the hub sent a token that does not decode: ${decoded.reason}`);
  return decoded.stamp;
}

const tokenOf = (answer: RawResponse): string => answer.headers.get(HEADER.session) ?? '';

describe('sessions have a lifetime: idle and absolute limits enforced by the hub', () => {
  let hub: TestHub;
  let clock: { now: number };
  beforeAll(async () => {
    ({ hub, clock } = await hubWithClock());
  });
  afterAll(() => hub.close());

  it('stamps every token with the environment, the time its session began and the time it was last seen', async () => {
    clock.now = START;
    const answer = await act(hub, 'replace', undefined, '{"cartId":"c-1"}');
    expect(stampOf(answer)).toEqual({ environment: 'development', issuedAt: START, lastSeenAt: START });
  });

  it('a session not used for longer than the idle limit reads as a guest: 200, {} and X-Session-Invalid: expired-idle, then a fresh session', async () => {
    clock.now = START;
    const token = tokenOf(await act(hub, 'replace', undefined, '{"customerId":"c-1"}'));
    clock.now = START + 10 * MINUTE; // exactly the limit: still alive
    expect((await act(hub, 'read', token)).json()).toEqual({ session: { customerId: 'c-1' } });
    clock.now = START + 10 * MINUTE + 1_000;
    const expired = await act(hub, 'read', token);
    expect(expired.status).toBe(200);
    expect(expired.json()).toEqual({ session: {} });
    expect(expired.headers.get(HEADER.sessionInvalid)).toBe('expired-idle');
    // Never an error that sticks: the answer carries a new, empty session that works from now on.
    const fresh = tokenOf(expired);
    expect(stampOf(expired)).toMatchObject({ issuedAt: clock.now, lastSeenAt: clock.now });
    const next = await act(hub, 'read', fresh);
    expect(next.headers.get(HEADER.sessionInvalid)).toBeNull();
    expect(next.json()).toEqual({ session: {} });
    expect(hub.logs.some((line) => line.level === 'info' && line.message === 'session expired; the session starts empty' && line.fields['reason'] === 'expired-idle')).toBe(true);
  });

  it('each use moves the last-seen time, so a busy session outlives the idle limit, but never the absolute one', async () => {
    clock.now = START;
    let answer = await act(hub, 'replace', undefined, '{"customerId":"c-2"}');
    for (let minute = 8; minute <= 56; minute += 8) {
      clock.now = START + minute * MINUTE;
      answer = await act(hub, 'read', tokenOf(answer));
      expect(answer.json()).toEqual({ session: { customerId: 'c-2' } });
      expect(stampOf(answer)).toEqual({ environment: 'development', issuedAt: START, lastSeenAt: clock.now });
    }
    clock.now = START + 60 * MINUTE + 1_000;
    const expired = await act(hub, 'read', tokenOf(answer));
    expect(expired.json()).toEqual({ session: {} });
    expect(expired.headers.get(HEADER.sessionInvalid)).toBe('expired-absolute');
  });

  it('a write keeps the time the session began; a cleared session begins anew', async () => {
    clock.now = START;
    const first = await act(hub, 'replace', undefined, '{"cartId":"a"}');
    clock.now = START + 5 * MINUTE;
    const replaced = await act(hub, 'replace', tokenOf(first), '{"cartId":"b"}');
    expect(stampOf(replaced)).toMatchObject({ issuedAt: START, lastSeenAt: START + 5 * MINUTE });
    clock.now = START + 7 * MINUTE;
    const cleared = await act(hub, 'clear', tokenOf(replaced));
    expect(stampOf(cleared)).toMatchObject({ issuedAt: START + 7 * MINUTE, lastSeenAt: START + 7 * MINUTE });
  });

  it('an unchanged session gets the very same token back within a minute of its last-seen time, and a new one after', async () => {
    clock.now = START;
    const token = tokenOf(await act(hub, 'replace', undefined, '{"cartId":"same"}'));
    clock.now = START + 59_000;
    expect(tokenOf(await act(hub, 'read', token))).toBe(token);
    clock.now = START + 60_000;
    const moved = await act(hub, 'read', token);
    expect(tokenOf(moved)).not.toBe(token);
    expect(stampOf(moved)).toMatchObject({ issuedAt: START, lastSeenAt: START + 60_000 });
  });

  it('pages and data sources read an expired session as a guest\'s', async () => {
    clock.now = START;
    const token = tokenOf(await act(hub, 'replace', undefined, '{"customerId":"c-3"}'));
    clock.now = START + 11 * MINUTE;
    const page = await rawCall(`${hub.url}/frontastic/page`, { token, headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US' } });
    expect(page.status).toBe(200);
    expect(page.headers.get(HEADER.sessionInvalid)).toBe('expired-idle');
    const { data } = page.json() as { data: { dataSources: Record<string, { sessionData: unknown }> } };
    expect(data.dataSources['ds-session']?.sessionData).toEqual({});
  });

  it('refuses a token from before sessions had a lifetime (no envelope) as legacy', async () => {
    const nonce = Buffer.alloc(12, 3);
    const cipher = createCipheriv('aes-256-gcm', keyA.encrypt, nonce);
    const payload = Buffer.concat([cipher.update('{"customerId":"old"}', 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const legacy = await new SignJWT({ payload, nonce: nonce.toString('base64') }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyA.sign);
    const answer = await act(hub, 'read', legacy);
    expect(answer.json()).toEqual({ session: {} });
    expect(answer.headers.get(HEADER.sessionInvalid)).toBe('legacy');
  });
});

describe('a token is bound to its environment', () => {
  it('a staging token is refused by production and the other way round, though they share the secret', async () => {
    const staging = await hubWithClock({ environment: 'staging' });
    const production = await hubWithClock({ environment: 'production' });
    try {
      const fromStaging = tokenOf(await act(staging.hub, 'replace', undefined, '{"customerId":"s"}'));
      const fromProduction = tokenOf(await act(production.hub, 'replace', undefined, '{"customerId":"p"}'));
      for (const [hub, foreign, own, session] of [
        [production.hub, fromStaging, fromProduction, { customerId: 'p' }],
        [staging.hub, fromProduction, fromStaging, { customerId: 's' }],
      ] as const) {
        const refused = await act(hub, 'read', foreign);
        expect(refused.json()).toEqual({ session: {} });
        expect(refused.headers.get(HEADER.sessionInvalid)).toBe('environment');
        expect((await act(hub, 'read', own)).json()).toEqual({ session });
      }
      // A development token (what tests craft) is refused by production as well.
      const development = encodeSession({ customerId: 'd' }, keyA);
      expect((await act(production.hub, 'read', development)).headers.get(HEADER.sessionInvalid)).toBe('environment');
    } finally {
      await staging.hub.close();
      await production.hub.close();
    }
  });
});

describe('key rotation keeps working with lifetimes', () => {
  it('a session under the older secret decodes, comes back under the newest with the time it began, and still expires on time', async () => {
    const { hub, clock } = await hubWithClock({ sessionSecrets: [SECRET_B, SECRET_A] });
    try {
      const old = encodeSession({ cartId: 'rotated' }, keyA, { issuedAt: START - 30 * MINUTE, lastSeenAt: START - 5 * MINUTE });
      const answer = await act(hub, 'read', old);
      expect(answer.json()).toEqual({ session: { cartId: 'rotated' } });
      const reissued = decodeSession(tokenOf(answer), [await deriveSessionKey(SECRET_B)]);
      expect(reissued).toMatchObject({ ok: true, keyIndex: 0, stamp: { issuedAt: START - 30 * MINUTE, lastSeenAt: START } });
      clock.now = START + 30 * MINUTE + 1_000;
      expect((await act(hub, 'read', tokenOf(answer))).headers.get(HEADER.sessionInvalid)).toBe('expired-absolute');
    } finally {
      await hub.close();
    }
  });
});

describe('lifetime settings', () => {
  it('default to 2 days idle and 30 days absolute', async () => {
    expect(DEFAULT_SESSION_LIFETIME).toEqual({ idleSeconds: 172_800, absoluteSeconds: 2_592_000 });
    const hub = await startTestHub();
    try {
      const status = (await rawCall(`${hub.url}/frontastic/status`, { method: 'GET' })).json() as { sessionLifetime: unknown };
      expect(status.sessionLifetime).toEqual({ idleSeconds: 172_800, absoluteSeconds: 2_592_000 });
    } finally {
      await hub.close();
    }
  });

  it('come from HUB_SESSION_IDLE_SECONDS and HUB_SESSION_ABSOLUTE_SECONDS', () => {
    expect(hubOptionsFromEnv({ HUB_SESSION_IDLE_SECONDS: '900', HUB_SESSION_ABSOLUTE_SECONDS: '86400' })).toMatchObject({ sessionIdleSeconds: 900, sessionAbsoluteSeconds: 86_400 });
    expect(() => hubOptionsFromEnv({ HUB_SESSION_IDLE_SECONDS: 'a day' })).toThrow(/HUB_SESSION_IDLE_SECONDS must be a number/);
  });

  it.each([
    [{ sessionIdleSeconds: 0 }, /sessionIdleSeconds must be a whole number of seconds/],
    [{ sessionIdleSeconds: 1.5 }, /sessionIdleSeconds must be a whole number/],
    [{ sessionAbsoluteSeconds: -1 }, /sessionAbsoluteSeconds must be a whole number/],
    [{ sessionAbsoluteSeconds: 1e12 }, /sessionAbsoluteSeconds must be a whole number of seconds from 1 to/],
    [{ sessionIdleSeconds: 7200, sessionAbsoluteSeconds: 3600 }, /sessionIdleSeconds \(7200\) must not exceed sessionAbsoluteSeconds \(3600\)/],
  ])('refuses %j', async (options, message) => {
    await expect(startTestHub(options)).rejects.toMatchObject({ code: 'OPTIONS_INVALID', message: expect.stringMatching(message) });
  });
});
