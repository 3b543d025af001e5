/**
 * Replaces every `{ dataSourceId }` in a tastic's configuration, at any depth, with
 * `{ dataSourceId, dataSource: payload }` from the page's data sources (`__master` for the payload of
 * a dynamic page). A data source the hub left out (it failed or timed out) resolves to `null`, so the
 * tastic can say so instead of crashing. The input is not changed.
 */
export function resolveDataSources<T>(configuration: T, dataSources: Readonly<Record<string, unknown>>): T {
  return resolve(configuration, dataSources) as T;
}

function resolve(value: unknown, dataSources: Readonly<Record<string, unknown>>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, dataSources));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, resolve(item, dataSources)] as const);
  const resolved: Record<string, unknown> = Object.fromEntries(entries);
  const id = resolved['dataSourceId'];
  if (typeof id === 'string') {
    resolved['dataSource'] = Object.prototype.hasOwnProperty.call(dataSources, id) ? (dataSources[id] ?? null) : null;
  }
  return resolved;
}
