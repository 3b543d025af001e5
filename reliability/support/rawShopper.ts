import { isDeepStrictEqual } from 'node:util';
import type { Losses } from './scenario.js';
import type { RawAnswer, Session, StoreClient } from './storeClient.js';

/**
 * A shopper driven with plain fetch, so every status code is seen, keeping its session exactly as the
 * frontend-sdk keeps the cookie: replaced only by a 2xx answer that carries `Frontastic-Session`.
 */
export class RawShopper {
  token: string | undefined;

  constructor(readonly name: string, private readonly client: StoreClient) {}

  session(): Session {
    if (this.token === undefined) return {};
    return this.client.decode(this.token) ?? {};
  }

  async call(action: string, payload: unknown = {}, losses?: Losses): Promise<RawAnswer> {
    const before = this.session();
    const answer = await this.client.raw(action, JSON.stringify(payload), this.token);
    if (answer.status >= 200 && answer.status < 300) {
      if (answer.sessionToken !== null) this.token = answer.sessionToken;
    } else if (losses !== undefined && answer.sessionToken !== null) {
      // An error answer may re-issue the session; it must then be the same session.
      const after = this.client.decode(answer.sessionToken);
      if (!isDeepStrictEqual(after, before)) losses.add('an error answer changed the session', `${this.name} ${action} ${answer.status}`);
    }
    return answer;
  }
}

/** `{ error: { code, message } }` with a non-empty message, or undefined. */
export function errorOf(json: unknown): { code: string; message: string } | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = (json as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' && message.length > 0 ? { code, message } : undefined;
}
