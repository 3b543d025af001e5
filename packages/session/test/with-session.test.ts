import { describe, expect, it } from '@jest/globals';
import './helpers/project-session-data.js';
import {
  CtpSession,
  SessionClosedError,
  SessionHandlerResultError,
  SessionTooLargeError,
  withSession,
  type ActionContext,
  type ActionRequest,
  type SessionActionResult,
  type SessionData,
  type SettableSessionKey,
} from '../src/index.js';

const token = { accessToken: 'at-1', refreshToken: 'rt-1', expirationTime: 1_700_000_000_000 };
const stored: SessionData & Record<string, unknown> = { token, customerId: 'customer-1', cartId: 'cart-1', rewardPoints: 5, otherExtension: { keep: ['me'] } };
const context: ActionContext = {};
const request = (sessionData: unknown = stored): ActionRequest => ({ method: 'POST', path: '/action/cart/addToCart', query: {}, body: '{}', sessionData });
const ok = (body: unknown = {}): SessionActionResult => ({ statusCode: 200, body: JSON.stringify(body) });

describe('withSession writes the complete session', () => {
  it('after a change: every known and unknown key, not just the changed one', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'cart-2';
      return ok({ cartId: session.cartId });
    });
    const response = await action(request(), context);
    expect(response).toEqual({ statusCode: 200, body: '{"cartId":"cart-2"}', sessionData: { ...stored, cartId: 'cart-2' } });
  });

  it('project keys are written as set', async () => {
    const action = withSession(({ session }) => {
      session.set('rewardPoints', (session.get('rewardPoints') ?? 0) + 65);
      return ok();
    });
    expect((await action(request(), context)).sessionData).toEqual({ ...stored, rewardPoints: 70 });
  });

  it('omits sessionData when nothing changed', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'cart-1';
      return ok({ cartId: session.cartId });
    });
    const response = await action(request(), context);
    expect(response).toEqual({ statusCode: 200, body: '{"cartId":"cart-1"}' });
    expect('sessionData' in response).toBe(false);
  });

  it('writes null after clear()', async () => {
    const action = withSession(({ session }) => {
      session.clear();
      return { statusCode: 200 };
    });
    expect(await action(request(), context)).toEqual({ statusCode: 200, sessionData: null });
  });

  it('writes the new session when keys are set after clear()', async () => {
    const action = withSession(({ session }) => {
      session.clear();
      session.cartId = 'fresh';
      return ok();
    });
    expect((await action(request(), context)).sessionData).toEqual({ cartId: 'fresh' });
  });

  it('writes null when the last key is removed', async () => {
    const action = withSession(({ session }) => {
      session.cartId = undefined;
      return ok();
    });
    expect((await action(request({ cartId: 'c' }), context)).sessionData).toBeNull();
  });

  it('writes the repaired session when the incoming one was malformed', async () => {
    const action = withSession(({ session }) => ok({ repairs: session.repairs.length }));
    const response = await action(request({ cartId: 42, rewardPoints: 1 }), context);
    expect(response).toEqual({ statusCode: 200, body: '{"repairs":1}', sessionData: { rewardPoints: 1 } });
  });

  it('hands the handler the request and the context', async () => {
    const ctx: ActionContext = { frontasticContext: { environment: 'development', locale: 'en_US', featureFlags: [], projectConfiguration: {}, project: { projectId: 'p', name: 'p', customer: 'c', configuration: {}, locales: ['en_US'], defaultLocale: 'en_US' } } };
    const action = withSession(({ request: req, context: seen }) => ok({ path: req.path, locale: seen.frontasticContext?.locale }));
    expect((await action(request(), ctx)).body).toBe('{"path":"/action/cart/addToCart","locale":"en_US"}');
  });

  it('builds a new session for each request', async () => {
    const seen: CtpSession[] = [];
    const action = withSession(({ session }) => {
      seen.push(session);
      return ok({ cartId: session.cartId ?? null });
    });
    expect((await action(request({ cartId: 'a' }), context)).body).toBe('{"cartId":"a"}');
    expect((await action(request({}), context)).body).toBe('{"cartId":null}');
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe('partial writes are impossible', () => {
  it('a handler result with sessionData is a type error and refused at run time', async () => {
    // @ts-expect-error sessionData is `never` in a handler result.
    const typed = withSession(() => ({ statusCode: 200, sessionData: { cartId: 'only-this' } }));
    await expect(typed(request(), context)).rejects.toThrow(SessionHandlerResultError);

    // A handler that smuggles it in through a cast, or written in JavaScript.
    const smuggled = withSession(() => ({ statusCode: 200, sessionData: undefined }) as unknown as SessionActionResult);
    await expect(smuggled(request(), context)).rejects.toMatchObject({ code: 'SESSION_INVALID_HANDLER_RESULT' });
  });

  it('the refused result writes nothing even with an error mapper', async () => {
    const action = withSession(
      ({ session }) => {
        session.cartId = 'changed';
        return { statusCode: 200, sessionData: { cartId: 'only-this' } } as unknown as SessionActionResult;
      },
      { onError: (error) => ({ statusCode: 500, body: JSON.stringify({ error: { code: (error as SessionHandlerResultError).code } }) }) },
    );
    expect(await action(request(), context)).toEqual({ statusCode: 500, body: '{"error":{"code":"SESSION_INVALID_HANDLER_RESULT"}}' });
  });

  it.each([
    ['null', null],
    ['a string', 'ok'],
    ['no statusCode', { body: 'x' }],
    ['a statusCode out of range', { statusCode: 42 }],
    ['a fractional statusCode', { statusCode: 200.5 }],
    ['a non-string body', { statusCode: 200, body: { a: 1 } }],
    ['a non-boolean writeSession', { statusCode: 200, writeSession: 'yes' }],
  ])('refuses a result that is %s', async (_label, result) => {
    const action = withSession(() => result as unknown as SessionActionResult);
    await expect(action(request(), context)).rejects.toThrow(SessionHandlerResultError);
  });

  it('does not pass extra result properties through', async () => {
    const action = withSession(() => ({ statusCode: 201, body: 'x', headers: { a: 'b' } }) as SessionActionResult);
    expect(await action(request(), context)).toEqual({ statusCode: 201, body: 'x' });
  });
});

describe('errors leave the session untouched', () => {
  it('a handler that throws after changing the session: the error propagates, nothing is written', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'half-done';
      session.signin({ accessToken: 'x', expirationTime: 1 }, 'someone-else');
      throw new Error('platform down');
    });
    await expect(action(request(), context)).rejects.toThrow('platform down');
  });

  it('with onError: the mapped response has no sessionData', async () => {
    const mapped: unknown[] = [];
    const action = withSession(
      async ({ session }) => {
        session.clear();
        await Promise.resolve();
        throw new Error('boom');
      },
      {
        onError: (error, req) => {
          mapped.push([(error as Error).message, req.path]);
          return { statusCode: 502, body: JSON.stringify({ error: { code: 'UPSTREAM', message: 'try again' } }) };
        },
      },
    );
    const response = await action(request(), context);
    expect(response).toEqual({ statusCode: 502, body: '{"error":{"code":"UPSTREAM","message":"try again"}}' });
    expect('sessionData' in response).toBe(false);
    expect(mapped).toEqual([['boom', '/action/cart/addToCart']]);
  });

  it('an error mapper cannot write the session either', async () => {
    const action = withSession(
      () => {
        throw new Error('x');
      },
      // @ts-expect-error an error response has no writeSession.
      { onError: () => ({ statusCode: 500, writeSession: true }) },
    );
    await expect(action(request(), context)).rejects.toThrow(SessionHandlerResultError);
  });

  it('an error mapper that throws: its error propagates', async () => {
    const action = withSession(
      () => {
        throw new Error('first');
      },
      {
        onError: () => {
          throw new Error('mapper broke');
        },
      },
    );
    await expect(action(request(), context)).rejects.toThrow('mapper broke');
  });

  it('a non-2xx response does not write the changes', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'changed';
      return { statusCode: 409, body: JSON.stringify({ error: { code: 'CONFLICT', message: 'reload the cart' } }) };
    });
    expect(await action(request(), context)).toEqual({ statusCode: 409, body: '{"error":{"code":"CONFLICT","message":"reload the cart"}}' });
  });

  it('a non-2xx response writes when explicitly asked (writeSession: true)', async () => {
    const action = withSession(({ session }) => {
      session.signout();
      return { statusCode: 401, writeSession: true };
    });
    expect(await action(request(), context)).toEqual({ statusCode: 401, sessionData: { rewardPoints: 5, otherExtension: { keep: ['me'] } } });
  });

  it('a 2xx response can discard its changes (writeSession: false)', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'preview';
      return { statusCode: 200, writeSession: false };
    });
    expect(await action(request(), context)).toEqual({ statusCode: 200 });
  });

  it('changes after the response was built throw SessionClosedError', async () => {
    let kept: CtpSession | undefined;
    const action = withSession(({ session }) => {
      kept = session;
      return ok();
    });
    await action(request(), context);
    expect(() => { if (kept) kept.cartId = 'late'; }).toThrow(SessionClosedError);
    expect(() => kept?.clear()).toThrow(expect.objectContaining({ code: 'SESSION_CLOSED' }));
    expect(() => kept?.signin(token, 'c')).toThrow(SessionClosedError);
    expect(() => kept?.signout()).toThrow(SessionClosedError);
    expect(kept?.cartId).toBe('cart-1');
  });

  it('changes after a thrown error throw SessionClosedError too', async () => {
    let kept: CtpSession | undefined;
    const action = withSession(({ session }) => {
      kept = session;
      throw new Error('x');
    }, { onError: () => ({ statusCode: 500 }) });
    await action(request(), context);
    expect(() => kept?.set('rewardPoints', 1)).toThrow(SessionClosedError);
  });
});

describe('the size guard runs on every write', () => {
  it('refuses an over-size session with SessionTooLargeError; nothing is written', async () => {
    const action = withSession(({ session }) => {
      session.set('wishlistIds', Array.from({ length: 200 }, (_, i) => `wishlist-${i}-0123456789`));
      return ok();
    });
    const error: unknown = await action(request(), context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionTooLargeError);
    expect(error).toMatchObject({ code: 'SESSION_TOO_LARGE', limit: 4096 });
    expect((error as SessionTooLargeError).largestKeys[0]?.key).toBe('wishlistIds');
  });

  it('the guard error goes through onError, which answers without sessionData', async () => {
    const action = withSession(
      ({ session }) => {
        session.set('wishlistIds', Array.from({ length: 200 }, (_, i) => `wishlist-${i}-0123456789`));
        return ok();
      },
      { onError: (error) => ({ statusCode: 500, body: JSON.stringify({ error: { code: (error as SessionTooLargeError).code } }) }) },
    );
    expect(await action(request(), context)).toEqual({ statusCode: 500, body: '{"error":{"code":"SESSION_TOO_LARGE"}}' });
  });

  it('accepts the largest session that fits and refuses one byte more', async () => {
    // {"pad":"…"} has 10 bytes of structure: 2181 characters make the 2191-byte maximum.
    const write = (pad: string) => withSession(({ session }) => {
      session.set('pad' as SettableSessionKey, pad as never);
      return ok();
    })(request({}), context);
    expect((await write('a'.repeat(2181))).sessionData).toEqual({ pad: 'a'.repeat(2181) });
    await expect(write('a'.repeat(2182))).rejects.toThrow(SessionTooLargeError);
  });

  it('counts unknown incoming keys too', async () => {
    const action = withSession(({ session }) => {
      session.cartId = 'c';
      return ok();
    });
    await expect(action(request({ foreign: 'x'.repeat(2300) }), context)).rejects.toThrow(SessionTooLargeError);
  });

  it('does not check when nothing is written', async () => {
    const action = withSession(() => ok());
    expect(await action(request({ foreign: 'x'.repeat(5000) }), context)).toEqual({ statusCode: 200, body: '{}' });
  });
});
