import { SessionReadOnlyError } from '../errors.js';
import type { ReadonlySessionData } from '../session-data.js';
import { readIncomingSession } from '../values/incoming-session.js';

/**
 * A read-only view of a request's session for data sources and the dynamic page handler
 * (`readSession(context.request?.sessionData)` / `readSession(request.sessionData)`).
 * It is checked like `CtpSession` (invalid known keys are left out) and every attempt to change it — at any
 * depth, the token and arrays included — throws `SessionReadOnlyError`. It cannot produce a session write.
 */
export function readSession(sessionData: unknown): ReadonlySessionData {
  // The view wraps private copies, so nobody else holds a mutable reference to what it shows.
  return view(Object.fromEntries(readIncomingSession(sessionData).entries), new WeakMap()) as ReadonlySessionData;
}

function view(target: object, views: WeakMap<object, object>): object {
  const existing = views.get(target);
  if (existing !== undefined) return existing;
  // Copies may be frozen (they are shared with nothing), but a proxy over a frozen target must hand out the
  // target's own nested objects; an unfrozen shell lets it hand out read-only views of them instead.
  const shell: object = Array.isArray(target) ? [...(target as unknown[])] : { ...target };
  const wrap = (value: unknown): unknown => (typeof value === 'object' && value !== null ? view(value, views) : value);
  const proxy = new Proxy(shell, {
    get: (object, property, receiver) => wrap(Reflect.get(object, property, receiver)),
    getOwnPropertyDescriptor: (object, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, property);
      if (descriptor === undefined || !('value' in descriptor) || !descriptor.configurable) return descriptor;
      return { ...descriptor, value: wrap(descriptor.value), writable: false };
    },
    set: (_object, property) => refuse('set', property),
    defineProperty: (_object, property) => refuse('define', property),
    deleteProperty: (_object, property) => refuse('delete', property),
    setPrototypeOf: () => refuse('change the prototype of', 'the session'),
    preventExtensions: () => refuse('prevent extensions of', 'the session'),
  });
  views.set(target, proxy);
  return proxy;
}

function refuse(operation: string, property: string | symbol): never {
  throw new SessionReadOnlyError(operation, typeof property === 'symbol' ? property.toString() : property);
}
