import type { MockGateway } from '../mock/gateway.js';

/** The resource with this key, created from `draft` when it does not exist yet (what keeps seeding idempotent). */
export async function ensureByKey<T>(gateway: MockGateway, resource: string, key: string, draft: object): Promise<T> {
  const answer = await gateway.send('GET', `/${resource}/key=${encodeURIComponent(key)}`);
  if (answer.status === 200) return answer.body as T;
  return gateway.call<T>('POST', `/${resource}`, draft);
}
