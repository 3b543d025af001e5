// `yarn bench` for the hub: action round trip against a bare node:http server (same JSON, same machine, same run),
// and the token codec against raw AES-256-GCM of the same JSON. Figures are ratios; nothing here is asserted.
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { decodeSession, deriveSessionKey, encodeSession } from '../src/index.js';

const DURATION_S = Number(process.env['HUB_BENCH_SECONDS'] ?? 5);
// The machine is shared: scenarios alternate in rounds so drift in load hits each of them alike.
const ROUNDS = 2;
const CONNECTIONS = 32;

interface Servers {
  bare: string;
  hub: string;
  secret: string;
  body: string;
}

interface RunFigures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function startServers(): Promise<{ servers: Servers; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./servers.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`benchmark servers exited with ${code}`)));
  });
  return { servers: JSON.parse(line) as Servers, stop: () => child.stdin.end() };
}

interface Scenario {
  name: string;
  url: string;
  headers: Record<string, string>;
  runs: autocannon.Result[];
}

async function loadRound(scenario: Scenario): Promise<void> {
  const options = { url: scenario.url, connections: CONNECTIONS, method: 'POST' as const, headers: { 'content-type': 'application/json', ...scenario.headers }, body: '{}' };
  await autocannon({ ...options, duration: 0.5 }); // warm-up
  scenario.runs.push(await autocannon({ ...options, duration: DURATION_S / ROUNDS }));
}

function figures(scenario: Scenario): RunFigures {
  const total = scenario.runs.reduce((sum, run) => sum + run.requests.total, 0);
  const seconds = scenario.runs.reduce((sum, run) => sum + run.duration, 0);
  return {
    name: scenario.name,
    requestsPerSecond: total / seconds,
    // The worse round's percentiles: with two rounds a median would hide the slower one.
    p50: Math.max(...scenario.runs.map((run) => run.latency.p50)),
    p99: Math.max(...scenario.runs.map((run) => run.latency.p99)),
    errors: scenario.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0),
  };
}

function perSecond(seconds: number, work: () => void): number {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  while (performance.now() < end) {
    for (let batch = 0; batch < 50; batch += 1) work();
    count += 50;
  }
  return count / seconds;
}

const { servers, stop } = await startServers();
try {
  const key = await deriveSessionKey(servers.secret);
  const session = { cartId: '3f9c2a1e-5b7d-4c8e-9a0b-1c2d3e4f5a6b', customerId: 'c0ffee00-0000-4000-8000-000000000001', token: { accessToken: 'x'.repeat(40), expirationTime: 1_800_000_000_000 } };
  const token = encodeSession(session, key);
  const sessionHeader = { 'frontastic-session': token };

  const scenarios: Scenario[] = [
    { name: 'bare node:http', url: `${servers.bare}/frontastic/action/bench/read`, headers: sessionHeader, runs: [] },
    { name: 'hub, session read (re-issued)', url: `${servers.hub}/frontastic/action/bench/read`, headers: sessionHeader, runs: [] },
    { name: 'hub, session rewritten', url: `${servers.hub}/frontastic/action/bench/write`, headers: sessionHeader, runs: [] },
  ];
  for (let round = 0; round < ROUNDS; round += 1) for (const scenario of scenarios) await loadRound(scenario);
  const [bare, read, write] = scenarios.map(figures) as [RunFigures, RunFigures, RunFigures];

  const json = JSON.stringify(session);
  const aesKey = randomBytes(32);
  const codec = perSecond(1.5, () => {
    const decoded = decodeSession(encodeSession(session, key), [key]);
    if (!decoded.ok) throw new Error('codec round trip failed');
  });
  const rawAes = perSecond(1.5, () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', aesKey, nonce);
    const sealed = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const decipher = createDecipheriv('aes-256-gcm', aesKey, nonce);
    decipher.setAuthTag(tag);
    JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8'));
  });

  const rows = [bare, read, write].map((run) => ({
    scenario: run.name,
    'req/s': Math.round(run.requestsPerSecond),
    'p50 ms': run.p50,
    'p99 ms': run.p99,
    'errors+non2xx': run.errors,
    'vs bare': `${((run.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}%`,
  }));
  console.log(`\n@ctp-session/hub: action round trip on loopback (${CONNECTIONS} connections, ${DURATION_S} s each in ${ROUNDS} alternating rounds, ${json.length}-byte session)`);
  console.table(rows);
  console.log(`hub/bare throughput ratio: ${(read.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (session re-issued), ${(write.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (session rewritten); goal ≥ 0.60`);
  console.log('\n@ctp-session/hub: session token codec');
  console.table([
    { operation: 'encode+decode (HS256 JWS + AES-256-GCM)', 'ops/s': Math.round(codec) },
    { operation: 'raw AES-256-GCM encrypt+decrypt of the same JSON', 'ops/s': Math.round(rawAes) },
  ]);
  console.log(`codec/raw AES ratio: ${(codec / rawAes).toFixed(3)}`);
} finally {
  stop();
}
