// The frontend's first-load JavaScript per page route, read from the Next.js build output
// (`packages/frontend/.next`): Next's root main files plus the layout's and the page's client chunks.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { against, figure, type Figure } from './figures.js';

const NEXT_DIR = fileURLToPath(new URL('../packages/frontend/.next/', import.meta.url));
const APP_DIR = join(NEXT_DIR, 'server', 'app');
const MANIFEST = 'page_client-reference-manifest.js';
const GROUP = 'frontend first-load JS';

interface Sizes {
  readonly raw: number;
  readonly gzip: number;
}

function sizes(files: Iterable<string>): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(NEXT_DIR, file.replace(/^\/_next\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

const kB = (bytes: number): number => Math.round(bytes / 102.4) / 10;

/** Every app route that has a page (`[[...slug]]`, `account/confirm`, …), by its folder under `server/app`. */
function pageRoutes(dir: string = APP_DIR): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === MANIFEST) found.push(relative(APP_DIR, dir).split(sep).join('/'));
    else if (!name.startsWith('_') && statSync(path).isDirectory()) found.push(...pageRoutes(path));
  }
  return found.sort();
}

/**
 * The layout's and the page's client chunks of one route. Next 16 writes the client-reference manifest as a
 * small script (shared string tables, then `globalThis.__RSC_MANIFEST[route] = m`), so it is run in an empty
 * context instead of being parsed as JSON.
 */
function pageChunks(route: string): string[] {
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(join(APP_DIR, route, MANIFEST), 'utf8'), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST?.[`/${route}/page`];
  return Object.entries(manifest?.entryJSFiles ?? {})
    .filter(([entry]) => entry.endsWith('/app/layout') || entry.endsWith(`/app/${route}/page`))
    .flatMap(([, files]) => files);
}

export function measureFirstLoadJs(): Figure[] {
  const buildManifest = join(NEXT_DIR, 'build-manifest.json');
  const routes = pageRoutes();
  if (!existsSync(buildManifest) || routes.length === 0) return [figure(GROUP, 'store pages', 'not built', '', { note: 'run `yarn build` first' })];
  const manifest = JSON.parse(readFileSync(buildManifest, 'utf8')) as { rootMainFiles?: string[] };
  const framework = new Set(manifest.rootMainFiles ?? []);
  if (framework.size === 0) return [figure(GROUP, 'store pages', 'not built', '', { note: 'the build output has no app-router manifests' })];
  const runtime = sizes(framework);
  const figures = [figure(GROUP, 'Next.js + React runtime (root main files)', kB(runtime.gzip), 'kB gzip', { note: `${(runtime.raw / 1024).toFixed(1)} kB raw, ${framework.size} files` })];
  for (const route of routes) {
    const all = new Set([...framework, ...pageChunks(route)]);
    const total = sizes(all);
    figures.push(
      against(GROUP, `page /${route} (runtime + layout + page)`, kB(total.gzip), 'kB gzip', 'runtime alone', kB(runtime.gzip), `${(total.raw / 1024).toFixed(1)} kB raw, ${all.size} files; polyfills for old browsers (nomodule) not counted`),
    );
  }
  return figures;
}
