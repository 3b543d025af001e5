// What the published packages cost the project that installs them, from the tarballs `yarn pack:packages`
// writes, each against a baseline measured in the same run:
// - @ctp-session/action-queue in a storefront's browser bundle (minified, gzipped, production), against the
//   frontend-sdk's own size: a page with the SDK, and the same page with queueCallAction(sdk);
// - @ctp-session/session in a launchpad-style tsup CommonJS backend bundle, against the same action written by hand;
// - ctp-local (its built bin, plain node) from spawn to the hub answering, against `yarn start:platform` and
//   `yarn start:hub` started together (node + tsx, the commands those scripts run).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build } from 'tsup';
import { freePorts } from '../packages/store/src/ports.js';
import { against, type Figure } from './figures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKED = join(ROOT, 'build', 'packages');
const BUNDLE = join(ROOT, 'packages', 'extensions', 'build', 'bundle.min.js');
const ROUNDS = 3;

const kB = (bytes: number): number => Math.round(bytes / 102.4) / 10;

function tarball(name: string): string {
  const file = readdirSync(PACKED).find((candidate) => candidate.startsWith(`ctp-session-${name}-`));
  if (file === undefined) throw new Error(`no packed @ctp-session/${name}`);
  return join(PACKED, file);
}

// A launchpad-style action both ways: by hand (copy the session, add the key) and with withSession.
const BY_HAND = `
export const addToCart = async (request: any) => {
  const cartId = 'cart-' + JSON.parse(request.body || '{}').sku;
  return { statusCode: 200, body: JSON.stringify({ cartId }), sessionData: { ...request.sessionData, cartId } };
};
export default { actions: { cart: { addToCart } }, 'data-sources': {}, 'dynamic-page-handler': async () => null };
`;
const WITH_SESSION = `
import { withSession } from '@ctp-session/session';
export const addToCart = withSession(async ({ session, request }) => {
  session.cartId = 'cart-' + JSON.parse(request.body || '{}').sku;
  return { statusCode: 200, body: JSON.stringify({ cartId: session.cartId }) };
});
export default { actions: { cart: { addToCart } }, 'data-sources': {}, 'dynamic-page-handler': async () => null };
`;

async function sessionInBackendBundle(): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-backend-'));
  try {
    install(dir, '@ctp-session/session', tarball('session'));
    const sizes: Record<string, { raw: number; gzip: number }> = {};
    for (const [name, source] of [['by-hand', BY_HAND], ['with-session', WITH_SESSION]] as const) {
      writeFileSync(join(dir, `${name}.ts`), source);
      // The launchpads' tsup settings: CommonJS, every dependency inside, not minified.
      await build({ entry: { [name]: join(dir, `${name}.ts`) }, outDir: join(dir, 'build'), format: ['cjs'], platform: 'node', noExternal: [/(.*)/], config: false, silent: true, sourcemap: false });
      const bytes = readFileSync(join(dir, 'build', `${name}.cjs`));
      sizes[name] = { raw: bytes.length, gzip: gzipSync(bytes).length };
    }
    const withSession = sizes['with-session'] ?? { raw: 0, gzip: 0 };
    const byHand = sizes['by-hand'] ?? { raw: 0, gzip: 0 };
    return against('published packages', '@ctp-session/session in a tsup CommonJS backend bundle', kB(withSession.raw), 'kB', 'the same action by hand', kB(byHand.raw), `+${kB(withSession.raw - byHand.raw)} kB raw, +${kB(withSession.gzip - byHand.gzip)} kB gzip; a launchpad bundle is about 3,600 kB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Extracts a packed tarball into `dir`/node_modules/<name>, as npm would install it. */
function install(dir: string, packageName: string, file: string): void {
  const target = join(dir, 'node_modules', ...packageName.split('/'));
  mkdirSync(target, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', file, '-C', target, '--strip-components=1']);
  if (untar.status !== 0) throw new Error(`cannot extract ${file}`);
}

async function gzipBundle(dir: string, source: string): Promise<number> {
  const result = await esbuild({
    stdin: { contents: source, resolveDir: dir },
    // The SDK is installed in the workspace; the package comes from its tarball in `dir`.
    nodePaths: [join(dir, 'node_modules'), join(ROOT, 'node_modules')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

async function actionQueueInBrowserBundle(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-storefront-'));
  try {
    install(dir, '@ctp-session/action-queue', tarball('action-queue'));
    const setUp = "import { SDK } from '@commercetools/frontend-sdk'; const sdk = new SDK(); sdk.configure({ locale: 'en-US', currency: 'EUR', endpoint: '/', extensionVersion: 'x' });";
    const sdkAlone = await gzipBundle(dir, `${setUp} globalThis.sdk = sdk;`);
    const withQueue = await gzipBundle(dir, `import { queueCallAction } from '@ctp-session/action-queue'; ${setUp} queueCallAction(sdk); globalThis.sdk = sdk;`);
    const packageAlone = await gzipBundle(dir, "export { queueCallAction } from '@ctp-session/action-queue';");
    return [
      against('published packages', '@ctp-session/action-queue in a browser bundle (what queueCallAction adds)', kB(withQueue - sdkAlone), 'kB gzip', "the frontend-sdk's own size", kB(sdkAlone), `minified, production; target under 3 kB; ${kB(packageAlone)} kB gzipped on its own`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Spawns the processes and resolves with the milliseconds until every URL answers 2xx; then stops them. */
async function startUp(commands: readonly { args: string[]; env: Record<string, string> }[], urls: readonly string[]): Promise<number> {
  const started = performance.now();
  const children: ChildProcess[] = commands.map(({ args, env }) => spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' }));
  try {
    for (const url of urls) {
      while (!(await answers(url))) {
        if (children.some((child) => child.exitCode !== null)) throw new Error(`a process ended before ${url} answered`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    return performance.now() - started;
  } finally {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
  }
}

async function ctpLocalStartUp(): Promise<Figure> {
  const best = { local: Number.POSITIVE_INFINITY, scripts: Number.POSITIVE_INFINITY };
  for (let round = 0; round < ROUNDS; round++) {
    const [hub, platform, smtp] = await freePorts(3);
    const urls = [`http://127.0.0.1:${hub}/frontastic/status`, `http://127.0.0.1:${platform}/__platform/health`];
    best.local = Math.min(
      best.local,
      await startUp([{ args: [join(ROOT, 'packages', 'local', 'dist', 'cli.js'), '--bundle', BUNDLE, '--port', String(hub), '--platform-port', String(platform), '--smtp-port', String(smtp), '--no-watch'], env: {} }], urls),
    );
    best.scripts = Math.min(
      best.scripts,
      await startUp(
        [
          { args: ['--import', 'tsx', 'packages/platform/src/cli.ts'], env: { PLATFORM_PORT: String(platform), PLATFORM_SMTP_PORT: String(smtp) } },
          { args: ['--import', 'tsx', 'packages/hub/src/cli.ts'], env: { HUB_PORT: String(hub), HUB_BUNDLE: BUNDLE, HUB_WATCH: '0' } },
        ],
        urls,
      ),
    );
  }
  return against('published packages', `ctp-local: start to the hub answering (best of ${ROUNDS})`, Math.round(best.local), 'ms', 'yarn start:platform + yarn start:hub', Math.round(best.scripts), 'the built bin on plain node, against the two workspace scripts (node + tsx) started together; the same bundle');
}

export async function measurePublishedPackages(): Promise<Figure[]> {
  const packed = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pack-packages.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`yarn pack:packages failed:\n${packed.stderr}`);
  return [...(await actionQueueInBrowserBundle()), await sessionInBackendBundle(), await ctpLocalStartUp()];
}

// Alone: `node --import tsx bench/publishedPackages.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await measurePublishedPackages()) console.log(JSON.stringify(row));
}
