// The frontend's first-load JavaScript for the store's page route, read from the Next.js build output
// (`packages/frontend/.next`): Next's root main files plus the layout's and the page's client chunks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { against, figure, type Figure } from './figures.js';

const NEXT_DIR = fileURLToPath(new URL('../packages/frontend/.next/', import.meta.url));
const PAGE = '[[...slug]]';
const GROUP = 'frontend first-load JS';

interface Sizes {
  readonly raw: number;
  readonly gzip: number;
}

function sizes(files: Iterable<string>): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(NEXT_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** Chunks the client-reference manifest lists for the layout and the page (Next 15+/Turbopack layout). */
function pageChunks(): string[] {
  const manifest = join(NEXT_DIR, 'server', 'app', PAGE, 'page_client-reference-manifest.js');
  if (!existsSync(manifest)) return [];
  const text = readFileSync(manifest, 'utf8');
  const match = /"entryJSFiles":(\{[^}]*\})/.exec(text);
  if (match?.[1] === undefined) return [];
  const entries = JSON.parse(match[1]) as Record<string, string[]>;
  return Object.entries(entries)
    .filter(([entry]) => entry.endsWith('/app/layout') || entry.endsWith(`/app/${PAGE}/page`))
    .flatMap(([, files]) => files);
}

export function measureFirstLoadJs(): Figure[] {
  const buildManifest = join(NEXT_DIR, 'build-manifest.json');
  if (!existsSync(buildManifest)) return [figure(GROUP, `/${PAGE}`, 'not built', '', { note: 'run `yarn build` first' })];
  const manifest = JSON.parse(readFileSync(buildManifest, 'utf8')) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  const framework = new Set(manifest.rootMainFiles ?? []);
  const page = pageChunks();
  if (framework.size === 0 || page.length === 0) return [figure(GROUP, `/${PAGE}`, 'not built', '', { note: 'the build output has no app-router manifests' })];
  const all = new Set([...framework, ...page]);
  const [frameworkSize, total] = [sizes(framework), sizes(all)];
  return [
    figure(GROUP, "Next.js + React runtime (root main files)", Math.round(frameworkSize.gzip / 102.4) / 10, 'kB gzip', { note: `${(frameworkSize.raw / 1024).toFixed(1)} kB raw, ${framework.size} files` }),
    against(GROUP, `store page /${PAGE} (runtime + layout + page)`, Math.round(total.gzip / 102.4) / 10, 'kB gzip', 'runtime alone', Math.round(frameworkSize.gzip / 102.4) / 10, `${(total.raw / 1024).toFixed(1)} kB raw, ${all.size} files; polyfills for old browsers (nomodule) not counted`),
  ];
}
