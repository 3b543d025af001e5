import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markFolderCommonJs } from '@ctp-session/extensions/build-bundle';
import { startDevBuilder, type DevBuild, type Fingerprints, type SourceProblem } from '@ctp-session/extensions/dev-build';
import type { Hub, HubError } from '@ctp-session/hub';
import { BuildFailedError } from './builds.js';
import { bundleLoadProblem } from './bundleLoadProblem.js';
import { describeBundleChanges } from './bundleChanges.js';
import { failureReport } from './failureReport.js';
import { EXTENSIONS_ROOT, SESSION_ROOT } from './paths.js';
import { formatMs, type Log, type Progress } from './progress.js';
import { problemLines } from './sourceProblems.js';
import { watchSources, type SourceChange, type SourceWatcher } from './sourceWatcher.js';
import { StoreStopRequestedError } from './stopRequested.js';

/** The sources the bundle is built from: the extensions and the session library they bundle. */
export const BUNDLE_SOURCES = [join(EXTENSIONS_ROOT, 'src'), join(SESSION_ROOT, 'src')];

/** The bundle `yarn dev` serves: built from the sources as they are, swapped into the hub on every good save. */
export interface DevBundle {
  /** The file the hub loads: the last good bundle, kept for the next `yarn dev` too. */
  readonly file: string;
  /**
   * The hub could not load the bundle at its start (it threw while loading): prints where, and puts the previous
   * good bundle back in its place. False when there is none, and the start must fail.
   */
  refusedAtStart(error: HubError): boolean;
  /** Watches the sources and swaps every good build into `hub`, saying one line per swap. */
  serve(hub: Hub): void;
  close(): Promise<void>;
}

export interface DevBundleOptions {
  /** Where the last good bundle is kept. */
  readonly dir: string;
  /** Paths in messages are relative to it. */
  readonly root: string;
  readonly progress: Progress;
  readonly log: Log;
  readonly signal?: AbortSignal;
}

interface GoodBundle {
  readonly code: string;
  readonly map: string;
  /** Undefined for a bundle an earlier run left: what it was built from is not known. */
  readonly fingerprints: Promise<Fingerprints | undefined>;
}

/** Written aside and renamed: the hub never reads half a bundle. */
function writeBundle(file: string, bundle: { readonly code: string; readonly map: string }): void {
  for (const [path, text] of [
    [`${file}.map`, bundle.map],
    [file, bundle.code],
  ] as const) {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  }
}

function readBundle(file: string): GoodBundle | undefined {
  if (!existsSync(file)) return undefined;
  return { code: readFileSync(file, 'utf8'), map: existsSync(`${file}.map`) ? readFileSync(`${file}.map`, 'utf8') : '{}', fingerprints: Promise.resolve(undefined) };
}

/** The reminder names the place and the start of the message: the whole of it was printed already. */
function shortened(line: string): string {
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function untilStopped<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise((resolve, reject) => {
    const stop = (): void => reject(new StoreStopRequestedError());
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * Builds the extensions bundle for development (esbuild's incremental build and the type check, see
 * packages/extensions/tools/dev) and keeps the last good one in `dir`. A first build that fails is printed; the
 * bundle an earlier `yarn dev` left then serves until a save builds, and without one the start fails.
 */
export async function startDevBundle(options: DevBundleOptions): Promise<DevBundle> {
  const { dir, root, log } = options;
  mkdirSync(dir, { recursive: true });
  markFolderCommonJs(dir);
  const file = join(dir, 'bundle.min.js');
  const kept = readBundle(file);
  let serving: GoodBundle | undefined;
  /** What `serving` replaced, while the hub has not loaded it yet. */
  let fallback = kept;
  const failures = failureReport(log);
  const reportFailure = (why: string, problems: readonly SourceProblem[]): void => {
    const lines = problemLines(problems, root);
    failures.failed(`✗ bundle not reloaded, the previous one keeps serving: ${why}`, lines, `✗ bundle not reloaded: still ${why}, as above (${shortened(lines[0] ?? '')})`);
  };
  const failureOf = (build: Extract<DevBuild, { ok: false }>): string => (build.kind === 'syntax' ? 'the sources do not build' : 'a type error');

  const devBuilder = await startDevBuilder(file);
  try {
    await options.progress.step('extensions bundle (incremental, type-checked)', async (say) => {
      const first = await untilStopped(devBuilder.build([]), options.signal);
      if (first.ok) {
        writeBundle(file, first);
        serving = first;
        return `built (${Math.round(first.code.length / 1024)} KiB) and type-checked`;
      }
      const lines = problemLines(first.problems, root);
      if (kept === undefined) throw new BuildFailedError('The extensions bundle', lines.join('\n'));
      say(`✗ ${failureOf(first)}:`);
      for (const line of lines) say(`  ${line}`);
      serving = kept;
      fallback = undefined;
      return 'the sources do not build yet: the last good bundle (of an earlier `yarn dev`) serves until a save builds';
    });
  } catch (error) {
    await devBuilder.close();
    throw error;
  }

  let watcher: SourceWatcher | undefined;
  let closed = false;
  let running: Promise<void> | undefined;
  const waiting = new Set<string>();
  /** The first save the hub does not serve yet. */
  let savedAt: number | undefined;

  const swapInto = async (hub: Hub): Promise<void> => {
    while (waiting.size > 0 && !closed) {
      const changed = [...waiting];
      waiting.clear();
      let build: DevBuild;
      try {
        build = await devBuilder.build(changed);
      } catch (error) {
        // The builder itself broke (its type checker's worker ended): said once, the bundle serving stays.
        savedAt = undefined;
        if (!closed) reportFailure('the build could not run', [{ file: undefined, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }]);
        continue;
      }
      // A newer save came in while this one built: build that one instead of swapping twice.
      if (waiting.size > 0 || closed) continue;
      const since = savedAt ?? performance.now();
      savedAt = undefined;
      if (!build.ok) {
        reportFailure(failureOf(build), build.problems);
        continue;
      }
      // A save that changes nothing the bundle holds: nothing to swap, but a fix that brought the sources back to the
      // serving bundle is worth a word after the error it ends.
      if (build.code === serving?.code) {
        if (failures.failing()) log('✓ the sources build again: they are the bundle that kept serving');
        failures.succeeded();
        continue;
      }
      const previous = serving;
      writeBundle(file, build);
      const swap = hub.swapBundle();
      if (!swap.swapped) {
        if (previous !== undefined) writeBundle(file, previous);
        reportFailure('it threw while loading', [bundleLoadProblem(swap.error, file, build.map)]);
        continue;
      }
      failures.succeeded();
      serving = build;
      const tookMs = performance.now() - since;
      // Served already; the line waits for the fingerprints that name what changed (they come right after the check).
      await Promise.all([previous?.fingerprints, build.fingerprints])
        .then(([before, after]) => log(`bundle reloaded in ${formatMs(tookMs)}: ${describeBundleChanges(before, after)}`))
        .catch(() => log(`bundle reloaded in ${formatMs(tookMs)}`));
    }
  };
  const onChange = (hub: Hub, change: SourceChange): void => {
    savedAt ??= change.firstEventAt;
    for (const path of change.paths) waiting.add(path);
    if (running !== undefined) return;
    running = swapInto(hub).finally(() => {
      running = undefined;
      // Saves that arrived as the last build ended.
      if (waiting.size > 0 && !closed) onChange(hub, { paths: [], firstEventAt: performance.now() });
    });
  };

  return {
    file,
    refusedAtStart(error) {
      const problem = bundleLoadProblem(error, file, serving?.map ?? '{}');
      for (const line of [`✗ the extensions bundle threw while loading:`, ...problemLines([problem], root).map((line) => `  ${line}`)]) log(line);
      if (fallback === undefined) return false;
      writeBundle(file, fallback);
      serving = fallback;
      fallback = undefined;
      log('  the last good bundle (of an earlier `yarn dev`) serves until a save builds one that loads');
      return true;
    },
    serve(hub) {
      fallback = undefined;
      watcher = watchSources(BUNDLE_SOURCES, (change) => onChange(hub, change));
    },
    async close() {
      closed = true;
      watcher?.close();
      await running;
      await devBuilder.close();
    },
  };
}
