// Two figures of the production build, measured against the whole store as `yarn start` runs it:
// 1. first-load JavaScript per page: the scripts each page's HTML makes the browser load (what the
//    browser really fetches, read from the build output in .next/static), raw and gzipped;
// 2. the home page's server response time through Next (page fetched from the hub with the
//    frontend-sdk, rendered), for a new visitor and for a shopper with a cart (whose layout also reads
//    the header's cart), against the hub's /frontastic/page call alone, alternating requests so the
//    shared machine's noise hits all alike. The ratio is the figure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStore } from '@ctp-session/store';

const FRONTEND = fileURLToPath(new URL('..', import.meta.url));
const PAGES = ['/', '/p/MUG-ENAMEL-01', '/cart', '/checkout', '/login', '/rewards', '/account/confirm?token=x'];
const WARMUP = 10;
const ROUNDS = 40;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p90 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)] ?? NaN;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

function scriptsOf(html: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*>/g)) {
    const tag = match[0];
    const src = match[1] ?? '';
    // Legacy polyfills only load in browsers without ES modules.
    if (/\snomodule/i.test(tag)) continue;
    if (src.startsWith('/_next/')) sources.add(src);
  }
  return [...sources];
}

function sizeOf(src: string): { raw: number; gzip: number } {
  const content = readFileSync(join(FRONTEND, '.next', src.replace(/^\/_next\//, '').split('?')[0] ?? ''));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`benchmark request failed with ${response.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const store = await startStore({ port: 0, hubPort: 0, platformPort: 0, quiet: true });
try {
  console.log('First-load JavaScript per page (production build, scripts in the served HTML)\n');
  // Next's own runtime and React, loaded by every page (build-manifest rootMainFiles): the baseline.
  const manifest = JSON.parse(readFileSync(join(FRONTEND, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const shared = manifest.rootMainFiles.map((file) => sizeOf(`/_next/${file}`)).reduce((sum, size) => sum + size.gzip, 0);
  console.log('| page | scripts | raw | gzip | gzip beyond the framework runtime |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| Next + React runtime (rootMainFiles, baseline) | ${manifest.rootMainFiles.length} | | ${kb(shared)} | 0 |`);
  for (const path of PAGES) {
    const html = await (await fetch(`${store.url}${path}`)).text();
    const scripts = scriptsOf(html);
    const total = scripts.map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 });
    console.log(`| \`${path}\` | ${scripts.length} | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.gzip - shared)} |`);
  }

  const hubPage = () => fetch(`${store.hubUrl}/frontastic/page`, { method: 'POST', headers: { 'Frontastic-Path': '/', 'Frontastic-Locale': 'en_US', Accept: 'application/json' } });
  const homePage = () => fetch(`${store.url}/`);
  for (let i = 0; i < WARMUP; i++) {
    await timed(hubPage);
    await timed(homePage);
  }
  // A shopper with a cart: the layout also reads the header's cart through the server session (cart/getCart).
  const added = await fetch(`${store.hubUrl}/frontastic/action/cart/addToCart`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Frontastic-Locale': 'en_US' },
    body: JSON.stringify({ sku: 'MUG-ENAMEL-01' }),
  });
  const cookie = `frontastic-session=${added.headers.get('Frontastic-Session') ?? ''}`;
  const shopperHomePage = () => fetch(`${store.url}/`, { headers: { cookie } });
  for (let i = 0; i < WARMUP; i++) await timed(shopperHomePage);
  const hub: number[] = [];
  const home: number[] = [];
  const shopperHome: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    hub.push(await timed(hubPage));
    home.push(await timed(homePage));
    shopperHome.push(await timed(shopperHomePage));
  }
  console.log(`\nHome page server response, ${ROUNDS} sequential requests each, alternating\n`);
  console.log('| request | median | p90 | ratio (median) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| hub \`POST /frontastic/page\` for \`/\` (baseline) | ${median(hub).toFixed(1)} ms | ${p90(hub).toFixed(1)} ms | 1.00 |`);
  console.log(`| Next \`GET /\` (page via the frontend-sdk + render) | ${median(home).toFixed(1)} ms | ${p90(home).toFixed(1)} ms | ${(median(home) / median(hub)).toFixed(2)} |`);
  console.log(`| Next \`GET /\` for a shopper with a cart (+ the layout's cart read) | ${median(shopperHome).toFixed(1)} ms | ${p90(shopperHome).toFixed(1)} ms | ${(median(shopperHome) / median(hub)).toFixed(2)} |`);
} finally {
  await store.close();
}
