// The README's action example, type-checked and run by examples.test.ts.
import { SessionError, hasValidToken, withSession, type ActionRequest, type CtpSession, type SessionErrorResult } from '../../src/index.js';

export interface CartApi {
  createCart(accessToken: string): Promise<{ id: string }>;
  addLineItem(accessToken: string, cartId: string, sku: string): Promise<{ id: string; lineItemCount: number }>;
}

/** A service that needs the session gets it through its constructor, for one request. */
export class CartService {
  constructor(
    private readonly ctpSession: CtpSession,
    private readonly api: CartApi,
  ) {}

  async addToCart(sku: string): Promise<{ id: string; lineItemCount: number }> {
    const { token, cartId } = this.ctpSession;
    if (token === undefined || !this.ctpSession.hasValidToken(Date.now(), 60_000)) throw new NotSignedInError();
    const id = cartId ?? (await this.api.createCart(token.accessToken)).id;
    const cart = await this.api.addLineItem(token.accessToken, id, sku);
    this.ctpSession.cartId = cart.id;
    return cart;
  }
}

export class NotSignedInError extends Error {
  readonly code = 'NO_SESSION_TOKEN';
}

/** One place that turns errors into `{ error: { code, message } }`; such responses never write the session. */
export function toErrorResponse(error: unknown): SessionErrorResult {
  if (error instanceof NotSignedInError) return json(401, { error: { code: error.code, message: 'Start a session first.' } });
  if (error instanceof SessionError) return json(500, { error: { code: error.code, message: error.message } });
  return json(502, { error: { code: 'UPSTREAM_FAILED', message: 'The commerce platform did not answer; try again.' } });
}

const json = (statusCode: number, body: unknown): SessionErrorResult => ({ statusCode, body: JSON.stringify(body) });

const skuOf = (request: ActionRequest): string => {
  const body: unknown = JSON.parse(request.body ?? '{}');
  return typeof body === 'object' && body !== null && 'sku' in body && typeof body.sku === 'string' ? body.sku : '';
};

export const createCartActions = (api: CartApi) => ({
  addToCart: withSession(
    async ({ session, request }) => {
      const cart = await new CartService(session, api).addToCart(skuOf(request));
      return { statusCode: 200, body: JSON.stringify(cart) };
    },
    { onError: toErrorResponse },
  ),
  earnPoints: withSession(({ session }) => {
    session.set('rewardPoints', (session.get('rewardPoints') ?? 0) + 70);
    return { statusCode: 200, body: JSON.stringify({ rewardPoints: session.get('rewardPoints') }) };
  }),
  logout: withSession(({ session }) => {
    session.clear();
    return { statusCode: 200, body: JSON.stringify({ loggedOut: true, hadToken: hasValidToken(session) }) };
  }),
});
