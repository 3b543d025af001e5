// `yarn bench`: the size guard's cost per write, as a ratio against a plain JSON.stringify of the same
// session measured in the same run. Short by design (a few seconds) on a shared machine.
import { assertSessionFits, utf8ByteLength, withSession, type SessionData } from '../src/index.js';

const token = { accessToken: 'a'.repeat(40), refreshToken: 'r'.repeat(60), expirationTime: 1_900_000_000_000 };
const sessions: Record<string, SessionData & Record<string, unknown>> = {
  'typical (token + ids)': { token, customerId: crypto.randomUUID(), cartId: crypto.randomUUID(), lastOrderId: crypto.randomUUID(), rewardPoints: 70 },
  'large ASCII (~2 KB)': { token, cartId: crypto.randomUUID(), recentlyViewed: Array.from({ length: 50 }, () => crypto.randomUUID()) },
  'large multi-byte (~2 KB)': { token, cartId: crypto.randomUUID(), note: '日本語😀é'.repeat(110) },
};

/** Median nanoseconds per call over a few rounds, after a warm-up. */
function measure(run: () => unknown, iterations: number): number {
  for (let i = 0; i < iterations; i++) run();
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) run();
    rounds.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  return rounds.sort((a, b) => a - b)[3] ?? Number.NaN;
}

let sink = 0;
const rows: string[][] = [];
for (const [name, session] of Object.entries(sessions)) {
  const json = JSON.stringify(session);
  const iterations = 20_000;
  const baseline = measure(() => (sink += JSON.stringify(session).length), iterations);
  const guard = measure(() => (sink += assertSessionFits(session)), iterations);
  const utf8 = measure(() => (sink += utf8ByteLength(json)), iterations);
  const nativeUtf8 = measure(() => (sink += Buffer.byteLength(json, 'utf8')), iterations);
  rows.push([name, `${Buffer.byteLength(json)} B`, `${baseline.toFixed(0)} ns`, `${guard.toFixed(0)} ns`, `${(guard / baseline).toFixed(2)}×`, `${(utf8 / nativeUtf8).toFixed(2)}×`]);
}

// The whole write path of one action (session built, changed, checked, written) against the same handler unwrapped.
const request = { method: 'POST', path: '/action/cart/add', query: {}, sessionData: sessions['typical (token + ids)'] };
const wrapped = withSession(({ session }) => {
  session.cartId = 'cart-2';
  return { statusCode: 200, body: '{}' };
});
const plain = (req: typeof request) => ({ statusCode: 200, body: '{}', sessionData: { ...(req.sessionData as object), cartId: 'cart-2' } });
const asyncIterations = 5_000;
const timeAsync = async (run: () => Promise<unknown>): Promise<number> => {
  for (let i = 0; i < asyncIterations; i++) await run();
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < asyncIterations; i++) await run();
    rounds.push(Number(process.hrtime.bigint() - start) / asyncIterations);
  }
  return rounds.sort((a, b) => a - b)[3] ?? Number.NaN;
};
const plainNs = await timeAsync(async () => plain(request));
const wrappedNs = await timeAsync(() => wrapped(request, {}));

console.log('packages/session — size guard cost per write (median ns per call; ratio against JSON.stringify of the same session)');
console.table(rows.map(([session, json, stringify, guard, ratio, utf8]) => ({ session, json, 'JSON.stringify': stringify, assertSessionFits: guard, 'guard / stringify': ratio, 'utf8ByteLength / Buffer.byteLength': utf8 })));
console.log(`withSession write path vs a hand-written spread response: ${wrappedNs.toFixed(0)} ns vs ${plainNs.toFixed(0)} ns (${(wrappedNs / plainNs).toFixed(1)}×)`);
if (sink === 42) console.log('');
