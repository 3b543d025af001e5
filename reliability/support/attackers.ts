// The hostile-input scenario's attackers, in a process of their own (run with `fork`): what the hub pays for a
// hostile request is then the hub's work alone, not also this client's, which would share the store's thread.
// Messages: in `{ start: { hubUrl, attackers, eachEveryMs } }` and `'stop'`; out `{ sent, statuses, p50, max, serverErrors }`.
import { hostileRequests, type Hostile } from './hostileRequests.js';

interface Start {
  readonly hubUrl: string;
  readonly attackers: number;
  readonly eachEveryMs: number;
}

let running = false;
let sent = 0;
const statuses = new Map<number, number>();
const latencies: number[] = [];
const serverErrors: string[] = [];

async function attacker(start: Start): Promise<void> {
  const requests = hostileRequests();
  while (running) {
    const hostile = requests[sent % requests.length] as Hostile;
    const started = performance.now();
    const answer = await fetch(`${start.hubUrl}${hostile.path}`, hostile.init);
    await answer.arrayBuffer();
    const took = performance.now() - started;
    latencies.push(took);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) serverErrors.push(`${hostile.name}: ${answer.status}`);
    sent++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start.eachEveryMs - took)));
  }
}

let attacking: Promise<unknown> = Promise.resolve();
process.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && 'start' in message) {
    const start = (message as { start: Start }).start;
    running = true;
    attacking = Promise.all(Array.from({ length: start.attackers }, () => attacker(start)));
    process.send?.('started');
    return;
  }
  if (message === 'stop') {
    running = false;
    void attacking.then(() => {
      const sorted = [...latencies].sort((a, b) => a - b);
      process.send?.({ sent, statuses: Object.fromEntries(statuses), p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0, serverErrors });
      latencies.length = 0;
    });
  }
});
process.on('disconnect', () => process.exit(0));
