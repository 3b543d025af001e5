export interface CounterSnapshot {
  /** Requests received since the last reset (internal `/__platform/*` calls are not counted). */
  readonly total: number;
  /** Per route template, e.g. `"POST /{projectKey}/me/carts/{id}": 3`. */
  readonly routes: Readonly<Record<string, number>>;
  /** Answers replaced by injected faults. */
  readonly faults: { readonly unavailable: number; readonly delayed: number };
}

export type FaultKind = keyof CounterSnapshot['faults'];

/** Request counters per route, for tests and benchmarks that assert how often the platform was called. */
export class RequestCounters {
  private total = 0;
  private routes = new Map<string, number>();
  private faults = { unavailable: 0, delayed: 0 };

  constructor(private readonly projectKey: string) {}

  record(method: string, path: string): void {
    this.total += 1;
    const route = `${method} ${routeTemplate(path, this.projectKey)}`;
    this.routes.set(route, (this.routes.get(route) ?? 0) + 1);
  }

  recordFault(kind: FaultKind): void {
    this.faults[kind] += 1;
  }

  /** How many requests hit a route template (`"POST /{projectKey}/me/carts/{id}"`). */
  count(route: string): number {
    return this.routes.get(route) ?? 0;
  }

  snapshot(): CounterSnapshot {
    return { total: this.total, routes: Object.fromEntries(this.routes), faults: { ...this.faults } };
  }

  reset(): void {
    this.total = 0;
    this.routes = new Map();
    this.faults = { unavailable: 0, delayed: 0 };
  }
}

const ID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/demo/me/carts/6f1c…` → `/{projectKey}/me/carts/{id}`; `key=x` → `key={key}`. */
export function routeTemplate(path: string, projectKey: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  const template = segments.map((segment, index) => {
    const isProjectSlot = index === 0 || (index === 1 && segments[0] === 'oauth');
    if (isProjectSlot && segment === projectKey) return '{projectKey}';
    if (ID_SEGMENT.test(segment)) return '{id}';
    const assignment = /^([a-z-]+)=/i.exec(segment);
    if (assignment) return `${assignment[1]}={${assignment[1]}}`;
    if (segments[0] === 'images' && index === 1) return '{image}';
    return segment;
  });
  return `/${template.join('/')}`;
}
