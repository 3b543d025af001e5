// The embedded platform's start-up (spawn to the first useful answer) and idle memory, against
// @labdigital/commercetools-mock alone, with the platform package's own process helpers.
import { rssMb, spawnServer, type Started } from '../packages/platform/bench/processes.js';
import { against, type Figure } from './figures.js';

const ROUNDS = 3;
const CLIENT = { id: 'local-platform-client', secret: 'local-platform-secret' };

async function platformReady(url: string): Promise<boolean> {
  const answer = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (!answer.ok) return false;
  const { access_token } = (await answer.json()) as { access_token: string };
  const products = await fetch(`${url}/demo/product-projections?limit=1`, { headers: { authorization: `Bearer ${access_token}` } });
  return products.ok && ((await products.json()) as { total: number }).total >= 12;
}

const mockReady = async (url: string): Promise<boolean> => (await fetch(`${url}/demo/product-projections?limit=1`)).ok;

const startPlatformCli = (): Promise<Started> => spawnServer('src/cli.ts', {}, platformReady);
const startMock = (): Promise<Started> => spawnServer('bench/bare-mock.ts', {}, mockReady);

export async function measurePlatformStartup(): Promise<Figure[]> {
  const best = { platform: Number.POSITIVE_INFINITY, mock: Number.POSITIVE_INFINITY };
  const rss = { platform: Number.POSITIVE_INFINITY, mock: Number.POSITIVE_INFINITY };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, start] of [['platform', startPlatformCli], ['mock', startMock]] as const) {
      const server = await start();
      try {
        best[name] = Math.min(best[name], server.startupMs);
        if (round === 0) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          rss[name] = rssMb(server.child.pid ?? 0);
        }
      } finally {
        await server.stop();
      }
    }
  }
  const group = 'embedded platform';
  return [
    against(group, 'start-up to first answer (best of 3)', Math.round(best.platform), 'ms', 'mock alone', best.mock, 'spawn (node + tsx) to a catalogue answer; the platform seeds first'),
    against(group, 'idle RSS, 1 s after start', Math.round(rss.platform), 'MB', 'mock alone', rss.mock),
  ];
}
