import type { Figure } from './figures.js';
import type { Machine } from './machine.js';

const format = (value: number | string): string => (typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value);

/** One plain-text table: group, figure, value, baseline, ratio, note. */
export function printTable(figures: readonly Figure[], host: Machine): void {
  const rows = [
    ['group', 'figure', 'value', 'baseline (same run)', 'ratio', 'note'],
    ...figures.map((f) => [
      f.group,
      f.figure,
      `${format(f.value)} ${f.unit}`.trim(),
      f.baseline === undefined ? '' : `${f.baseline.name}: ${format(Number(f.baseline.value.toFixed(1)))}`,
      f.ratio === undefined ? '' : Number.isFinite(f.ratio) ? `x${f.ratio.toPrecision(3)}` : '-',
      f.note ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\nyarn bench — ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGb} GB, Node ${host.node}, ${host.date}`);
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === rows[0]!.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
