// The redactor over 1 MB of text, in MB/s: every log line, error message and bundle console line passes it, on the
// hub's only thread. Baseline: `toLowerCase()` of the same text (one pass, no pattern), measured in the same run.
// The shapes are those that made the old redactor retry at every position (minutes for 1 MB) and ordinary text.
import { redact } from '@ctp-session/hub';
import { against, median, type Figure } from './figures.js';

const MB = 1 << 20;
const ROUNDS = 5;
const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['a launchpad request log (prose, JSON, a bearer token)', fill(`----+ Request for "/demo/me/carts" is: { method: 'POST', headers: { Authorization: 'Bearer M5-X7N_ZV-NIy00XqKviULGa2l5fKtdB' }, body: '{"email":"ann@example.com","password":"Secret-123"}' }\n`)],
  ['one 1 MB word (old: quadratic)', fill('a')],
  ['secret names without values', fill('password=')],
  ['session JSON', fill('{"accessToken":"abc","refreshToken":"def"},')],
];

function mbPerSecond(work: () => unknown): number {
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < 300) {
    work();
    runs += 1;
  }
  return runs / ((performance.now() - started) / 1000);
}

export function measureRedaction(): Figure[] {
  return SHAPES.map(([name, text]) => {
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(mbPerSecond(() => redact(text)));
      baseline.push(mbPerSecond(() => text.toLowerCase()));
    }
    return against('redaction', name, Math.round(median(ours)), 'MB/s', 'toLowerCase() of the same MB', median(baseline));
  });
}
