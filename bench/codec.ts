// Token codec encode+decode per second: the hub's codec (HS256 JWS around AES-256-GCM, the platform's
// production format) against raw AES-256-GCM of the same JSON (the floor: no format at all) and against
// iron-session's sealData/unsealData (what a Next.js project would pick instead). Rounds alternate.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decodeSession, deriveSessionKey, encodeSession } from '@ctp-session/hub';
import { sealData, unsealData } from 'iron-session';
import { against, figure, median, type Figure } from './figures.js';

const ROUND_MS = 700;
const ROUNDS = 5;

/** A signed-in shopper with a cart: what most requests carry. */
export const SAMPLE_SESSION = {
  token: { accessToken: 'Vq3sJ9xK2mN8pL4tR7wY1zB6cF0hD5gA', refreshToken: 'demo:Rf8kT2nQ6wE9yU3iO7pA1sD4fG0hJ5kL', expirationTime: 1_800_000_000_000 },
  customerId: 'c0ffee00-0000-4000-8000-000000000001',
  cartId: '3f9c2a1e-5b7d-4c8e-9a0b-1c2d3e4f5a6b',
  cartVersion: 7,
};

async function opsPerSecond(work: () => unknown): Promise<number> {
  const end = performance.now() + ROUND_MS;
  const start = performance.now();
  let count = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) await work();
    count += 20;
  }
  return count / ((performance.now() - start) / 1000);
}

export async function measureCodec(): Promise<Figure[]> {
  const key = await deriveSessionKey('bench-secret-0123456789-0123456789-abcdefgh');
  const json = JSON.stringify(SAMPLE_SESSION);
  const aesKey = randomBytes(32);
  const password = randomBytes(32).toString('hex');

  const ours = (): void => {
    const decoded = decodeSession(encodeSession(SAMPLE_SESSION, key), [key]);
    if (!decoded.ok) throw new Error('the codec did not round-trip');
  };
  const raw = (): void => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', aesKey, nonce);
    const sealed = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    const decipher = createDecipheriv('aes-256-gcm', aesKey, nonce);
    decipher.setAuthTag(cipher.getAuthTag());
    JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8'));
  };
  const iron = async (): Promise<void> => {
    const sealed = await sealData(SAMPLE_SESSION, { password });
    const back = await unsealData<typeof SAMPLE_SESSION>(sealed, { password });
    if (back.cartId !== SAMPLE_SESSION.cartId) throw new Error('iron-session did not round-trip');
  };

  const samples = { ours: [] as number[], raw: [] as number[], iron: [] as number[] };
  await opsPerSecond(ours); // warm-up
  await opsPerSecond(iron);
  for (let round = 0; round < ROUNDS; round++) {
    samples.ours.push(await opsPerSecond(ours));
    samples.raw.push(await opsPerSecond(raw));
    samples.iron.push(await opsPerSecond(iron));
  }
  const [o, r, i] = [median(samples.ours), median(samples.raw), median(samples.iron)];
  const group = 'token codec';
  const ironSize = (await sealData(SAMPLE_SESSION, { password })).length;
  const oursSize = encodeSession(SAMPLE_SESSION, key).length;
  return [
    figure(group, 'raw AES-256-GCM encrypt+decrypt (floor)', Math.round(r), 'ops/s', { note: `${json.length}-byte session JSON` }),
    against(group, 'ours: encode+decode (JWS HS256 + AES-256-GCM)', Math.round(o), 'ops/s', 'raw AES-256-GCM', r),
    against(group, 'iron-session sealData+unsealData', Math.round(i), 'ops/s', 'raw AES-256-GCM', r),
    against(group, 'ours vs iron-session', Math.round(o), 'ops/s', 'iron-session', i),
    against(group, 'token length, ours vs iron-session', oursSize, 'bytes', 'iron-session', ironSize),
  ];
}
