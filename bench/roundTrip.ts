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
const SECONDS = Number(process.env['BENCH_ROUND_TRIP_SECONDS'] ?? 2);
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
  scenario.runs.push(await autocannon({ ...options, duration: SECONDS }));
}

function summary(scenario: Scenario): { rps: number; p50: number; p99: number; failures: number } {
  const total = scenario.runs.reduce((sum, run) => sum + run.requests.total, 0);
  const seconds = scenario.runs.reduce((sum, run) => sum + run.duration, 0);
  return {
    rps: total / seconds,
    // The worse round: the figure a shopper could get.
    p50: Math.max(...scenario.runs.map((run) => run.latency.p50)),
    p99: Math.max(...scenario.runs.map((run) => run.latency.p99)),
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
        { name: 'bare node:http', url: `${servers.bare}/frontastic/action/bench/read`, connections, runs: [] },
        { name: 'hub, session re-issued', url: `${servers.hub}/frontastic/action/bench/read`, connections, runs: [] },
        { name: 'hub, session rewritten', url: `${servers.hub}/frontastic/action/bench/write`, connections, runs: [] },
      );
    }
    for (let r = 0; r < ROUNDS; r++) for (const scenario of scenarios) await round(scenario, headers);

    const figures: Figure[] = [];
    for (const connections of [1, 50]) {
      const group = `hub round trip, ${connections} connection${connections === 1 ? '' : 's'}`;
      const [bare, ...hub] = scenarios.filter((s) => s.connections === connections).map((s) => ({ name: s.name, ...summary(s) }));
      if (bare === undefined) continue;
      figures.push(figure(group, `${bare.name} req/s (baseline)`, Math.round(bare.rps), 'req/s', { note: `p50 ${bare.p50} ms, p99 ${bare.p99} ms, failures ${bare.failures}` }));
      for (const run of hub) {
        figures.push(against(group, `${run.name} req/s`, Math.round(run.rps), 'req/s', 'bare node:http', bare.rps, `failures ${run.failures}`));
        figures.push(against(group, `${run.name} p50`, run.p50, 'ms', 'bare p50', bare.p50));
        figures.push(against(group, `${run.name} p99`, run.p99, 'ms', 'bare p99', bare.p99));
      }
    }
    return figures;
  } finally {
    await stop();
  }
}
