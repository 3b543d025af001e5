import { insufficientScope } from '../errors.js';
import type { Caller } from './bearer.js';

// Resources that hold other shoppers' data: a client token needs one of these scopes (`<name>:<projectKey>`).
const GUARDED: Readonly<Record<string, { readonly read: readonly string[]; readonly write: readonly string[] }>> = {
  customers: { read: ['view_customers', 'manage_customers'], write: ['manage_customers'] },
  login: { read: ['manage_customers'], write: ['manage_customers'] },
  orders: { read: ['view_orders', 'manage_orders'], write: ['manage_orders'] },
  carts: { read: ['view_orders', 'manage_orders'], write: ['manage_orders'] },
  graphql: { read: [], write: [] },
};

const CATALOGUE = new Set(['product-projections', 'categories']);

/**
 * What a token may reach beyond authentication, as commercetools decides it by scope:
 * - a shopper's token (anonymous session or password flow) reaches `/me/*` and the published catalogue
 *   (`product-projections`, `categories`, read-only) only;
 * - a client credentials token reaches customers (and server-side sign-in), orders and carts only with the
 *   matching `view_*`/`manage_*` scope or `manage_project`; other endpoints take any client token.
 * Throws commercetools' 403 `insufficient_scope` otherwise.
 */
export function authorize(method: string, projectPath: readonly string[], caller: Caller, projectKey: string): void {
  const resource = resourceOf(projectPath);
  const reading = method === 'GET' || method === 'HEAD';
  if (caller.principal.kind !== 'client') {
    if (resource === 'me') return;
    if (CATALOGUE.has(resource ?? '') && (reading || (projectPath[1] === 'search' && method === 'POST'))) return;
    throw insufficientScope(`${method} /${projectKey}/${projectPath.join('/')} cannot be called with a customer or anonymous session token; only /me endpoints and the published catalogue can.`);
  }
  const guard = GUARDED[resource ?? ''];
  if (guard === undefined) return;
  const accepted = [...(reading ? guard.read : guard.write), 'manage_project'];
  const granted = new Set(caller.scope.split(/\s+/));
  if (accepted.some((name) => granted.has(`${name}:${projectKey}`))) return;
  throw insufficientScope(`Insufficient scope. One of the following scopes is missing: ${accepted.map((name) => `${name}:${projectKey}`).join(', ')}.`);
}

/**
 * The resource a project path names: in-store paths name it after the store (`in-store/key=<store>/<resource>`),
 * associate paths after the associate and unit (`as-associate/<id>/in-business-unit/key=<unit>/<resource>`, or
 * `as-associate/<id>/<resource>`).
 */
function resourceOf(projectPath: readonly string[]): string | undefined {
  const [first, , third] = projectPath;
  if (first === 'in-store') return third;
  if (first === 'as-associate') return third === 'in-business-unit' ? projectPath[4] : third;
  return first;
}
