/** One line of the benchmark table. `ratio` is value / baseline when the figure has a baseline measured in the same run. */
export interface Figure {
  readonly group: string;
  readonly figure: string;
  readonly value: number | string;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number; readonly measured: boolean };
  readonly ratio?: number;
  readonly note?: string;
}

export function figure(group: string, name: string, value: number | string, unit: string, extra: Omit<Figure, 'group' | 'figure' | 'value' | 'unit'> = {}): Figure {
  return { group, figure: name, value, unit, ...extra };
}

/** A figure against a baseline from the same run: the ratio is value / baseline. */
export function against(group: string, name: string, value: number, unit: string, baselineName: string, baseline: number, note?: string): Figure {
  return figure(group, name, value, unit, {
    baseline: { name: baselineName, value: baseline, measured: true },
    ratio: baseline === 0 ? Number.NaN : value / baseline,
    ...(note === undefined ? {} : { note }),
  });
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
