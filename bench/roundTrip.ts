// Hub action round trip on loopback against a bare node:http server answering the same JSON, with 1 and
// with 50 connections (autocannon). The servers are the hub package's benchmark servers, in a child process
// so the load generator does not share their event loop; scenarios alternate in rounds (shared machine).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { deriveSessionKey, encodeSession } from '@ctp-session/hub';
import { SAMPLE_SESSION } from './codec.js';
import { against, figure, type Figure } from './figures.js';

const SERVERS = fileURLToPath(new URL('../packages/hub/bench/servers.ts', import.meta.url));
const SECONDS = Number(process.env['BENCH_ROUND_TRIP_SECONDS'] ?? 3);
const ROUNDS = 2;

interface Servers {
  readonly bare: string;
  readonly hub: string;
  readonly secret: string;
}

interface Scenario {
  readonly name: string;
  readonly url: string;
  readonly connections: number;
  readonly runs: autocannon.Result[];
  /** Every response time in ms, unrounded: autocannon's own percentiles are whole milliseconds. */
  readonly times: number[];
}

async function startServers(): Promise<{ servers: Servers; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVERS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the hub's benchmark servers exited with ${code}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    await exited;
  };
  return { servers: JSON.parse(line) as Servers, stop };
}

async function round(scenario: Scenario, headers: Record<string, string>): Promise<void> {
  const options = { url: scenario.url, connections: scenario.connections, method: 'POST' as const, headers: { 'content-type': 'application/json', ...headers }, body: '{}' };
  await autocannon({ ...options, duration: 0.3 });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, duration: SECONDS }, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => void scenario.times.push(responseTime));
  });
  scenario.runs.push(result);
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

/** Throughput over all rounds; latency percentiles in µs over every response of all rounds. */
function summary(scenario: Scenario): { rps: number; p50: number; p99: number; failures: number } {
  const sorted = [...scenario.times].sort((a, b) => a - b);
  const total = scenario.runs.reduce((sum, run) => sum + run.requests.total, 0);
  const seconds = scenario.runs.reduce((sum, run) => sum + run.duration, 0);
  return {
    rps: total / seconds,
    p50: percentile(sorted, 50) * 1000,
    p99: percentile(sorted, 99) * 1000,
    failures: scenario.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0),
  };
}

export async function measureRoundTrip(): Promise<Figure[]> {
  const { servers, stop } = await startServers();
  try {
    const key = await deriveSessionKey(servers.secret);
    const headers = { 'frontastic-session': encodeSession(SAMPLE_SESSION, key) };
    const scenarios: Scenario[] = [];
    for (const connections of [1, 50]) {
      scenarios.push(
        { name: 'bare node:http', url: `${servers.bare}/frontastic/action/bench/read`, connections, runs: [], times: [] },
        { name: 'hub, session re-issued', url: `${servers.hub}/frontastic/action/bench/read`, connections, runs: [], times: [] },
        { name: 'hub, session rewritten', url: `${servers.hub}/frontastic/action/bench/write`, connections, runs: [], times: [] },
      );
    }
    for (let r = 0; r < ROUNDS; r++) for (const scenario of scenarios) await round(scenario, headers);

    const figures: Figure[] = [];
    for (const connections of [1, 50]) {
      const group = `hub round trip, ${connections} connection${connections === 1 ? '' : 's'}`;
      const [bare, ...hub] = scenarios.filter((s) => s.connections === connections).map((s) => ({ name: s.name, ...summary(s) }));
      if (bare === undefined) continue;
      figures.push(figure(group, `${bare.name} req/s (baseline)`, Math.round(bare.rps), 'req/s', { note: `p50 ${Math.round(bare.p50)} µs, p99 ${Math.round(bare.p99)} µs, failures ${bare.failures}` }));
      for (const run of hub) {
        figures.push(against(group, `${run.name} req/s`, Math.round(run.rps), 'req/s', 'bare node:http', bare.rps, `failures ${run.failures}`));
        figures.push(against(group, `${run.name} p50`, Math.round(run.p50), 'µs', 'bare p50', bare.p50));
        figures.push(against(group, `${run.name} p99`, Math.round(run.p99), 'µs', 'bare p99', bare.p99));
      }
    }
    return figures;
  } finally {
    await stop();
  }
}
