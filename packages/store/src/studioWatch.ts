import { spawn, type ChildProcess } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import type { Hub } from '@ctp-session/hub';
import { failureReport } from './failureReport.js';
import { EXTENSIONS_ROOT, FRONTEND_ROOT, STUDIO_PAGES, STUDIO_PROJECT } from './paths.js';
import type { Log } from './progress.js';
import { watchSources, type SourceWatcher } from './sourceWatcher.js';

/**
 * Where Studio's data lives: the tastics' schema.json, the hub's pages and project files, the extensions' data source
 * and dynamic page schemas.
 */
export const STUDIO_SOURCES = [join(FRONTEND_ROOT, 'tastics'), join(FRONTEND_ROOT, 'studio'), join(EXTENSIONS_ROOT, 'schemas')];
const CHECK_PROGRAM = join(FRONTEND_ROOT, 'tools', 'studio-check-cli.ts');

export interface StudioWatch {
  close(): Promise<void>;
}

interface CheckOutcome {
  readonly problems: readonly string[];
}

/**
 * The Studio check (packages/frontend/tools/studio-check.ts) in a process of its own: it loads the tastic registry,
 * React components and all, which the store's process has no business loading, and fresh every time.
 */
function runStudioCheck(running: Set<ChildProcess>): Promise<CheckOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHECK_PROGRAM], { cwd: FRONTEND_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code === 0 || code === 1) resolve({ problems: output.split('\n').filter((line) => line.trim() !== '') });
      else reject(new Error(`the Studio check ended with ${signal ?? `code ${code}`}: ${errors.trim().split('\n').slice(-5).join(' ')}`));
    });
  });
}

/**
 * A hub file's problem as `path:line:column: message` when the message says where (JSON.parse: `(line L column C)`,
 * the project file's YAML and JSON errors: `at line L, column C`). Paths relative to the root, as everywhere.
 */
function fileProblem(message: string, file: string, root: string): string {
  const where = /\(line (\d+) column (\d+)\)|at line (\d+), column (\d+)/.exec(message);
  const text = message.replaceAll(`${root}${sep}`, '');
  return where === null ? `${relative(root, file)}: ${text}` : `${relative(root, file)}:${where[1] ?? where[3]}:${where[2] ?? where[4]}: ${text}`;
}

/** The check names tastic files from the frontend's folder (`tastics/…/schema.json`); the console names them from the root. */
function fromRoot(problem: string, root: string): string {
  const text = problem.replaceAll(`${root}${sep}`, '');
  return text.startsWith('tastics/') ? `${relative(root, FRONTEND_ROOT)}/${text}` : text;
}

/**
 * `yarn dev`'s watch on Studio's data. A saved pages or project file is swapped into the hub at once (a broken one
 * leaves the previous pages or project in use and is printed once, with its line); after any saved schema or pages
 * file, the Studio check runs and says that everything agrees, or each problem with where it is.
 */
export function watchStudio(hub: Hub, options: { readonly log: Log; readonly root: string }): StudioWatch {
  const { log, root } = options;
  const pagesFailures = failureReport(log);
  const projectFailures = failureReport(log);
  const checkFailures = failureReport(log);
  const children = new Set<ChildProcess>();
  let closed = false;
  let running: Promise<void> | undefined;
  const waiting = new Set<string>();

  /** False when the pages file is broken: the hub's parser said why, the Studio check would only say it again. */
  const reloadPages = (): boolean => {
    const reload = hub.reloadPages();
    if (reload.reloaded) {
      pagesFailures.succeeded();
      log(`pages reloaded: ${reload.pageFolders} page folders (${relative(root, STUDIO_PAGES)})`);
      return true;
    }
    const problem = fileProblem(reload.error.message, STUDIO_PAGES, root);
    pagesFailures.failed('✗ pages not reloaded, the previous ones keep serving:', [problem], `✗ pages not reloaded: still ${problem}`);
    return false;
  };
  const reloadProject = (): void => {
    const reload = hub.reloadProject();
    if (reload.reloaded) {
      projectFailures.succeeded();
      log(`project reloaded: ${reload.projectId}, locales ${reload.locales.join(', ')} (${relative(root, STUDIO_PROJECT)})`);
      return;
    }
    const problem = fileProblem(reload.error.message, STUDIO_PROJECT, root);
    projectFailures.failed('✗ project not reloaded, the previous one stays in use:', [problem], `✗ project not reloaded: still ${problem}`);
  };
  const check = async (): Promise<void> => {
    while (waiting.size > 0 && !closed) {
      const saved = [...waiting].map((path) => relative(root, path));
      waiting.clear();
      if (saved.includes(relative(root, STUDIO_PROJECT))) reloadProject();
      // The Studio check reads the schemas and the pages, not the project.
      if (saved.every((path) => !path.endsWith('.json'))) continue;
      if (saved.includes(relative(root, STUDIO_PAGES)) && !reloadPages()) continue;
      let outcome: CheckOutcome;
      try {
        outcome = await runStudioCheck(children);
      } catch (error) {
        if (!closed) log(`✗ Studio check could not run: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (closed || waiting.size > 0) continue;
      const problems = outcome.problems.map((line) => fromRoot(line, root));
      if (problems.length === 0) {
        checkFailures.succeeded();
        log(`✓ Studio check: schemas, tastic registry and pages agree (${saved.join(', ')})`);
      } else {
        checkFailures.failed(`✗ Studio check (${saved.join(', ')}): ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems, `✗ Studio check: still ${problems[0] ?? ''}`);
      }
    }
  };
  const watcher: SourceWatcher = watchSources(
    STUDIO_SOURCES,
    (change) => {
      for (const path of change.paths) waiting.add(path);
      running ??= check().finally(() => (running = undefined));
    },
    { accept: (path) => path.endsWith('.json') || path === STUDIO_PROJECT },
  );
  return {
    async close() {
      closed = true;
      watcher.close();
      for (const child of children) child.kill('SIGKILL');
      await running;
    },
  };
}
