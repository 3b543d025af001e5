/** What every tastic receives: its Studio configuration, with each `{ dataSourceId }` resolved to `{ dataSourceId, dataSource }`. */
export interface TasticProps {
  tasticId: string;
  data: Record<string, unknown>;
}

/** The payload of the data source a configuration field points at; `null` when missing or failed. */
export function dataSourceOf<T>(data: Record<string, unknown>, field: string): T | null {
  const reference = data[field];
  if (typeof reference !== 'object' || reference === null) return null;
  const payload = (reference as { dataSource?: unknown }).dataSource;
  if (payload === undefined || payload === null) return null;
  if (typeof payload === 'object' && 'error' in payload) return null;
  return payload as T;
}

export function stringOf(data: Record<string, unknown>, field: string, fallback: string): string {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : fallback;
}

export function numberOf(data: Record<string, unknown>, field: string, fallback: number): number {
  const value = data[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
