import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** A copy of the workspace's sources that a test or a benchmark may edit: the real packages are never touched. */
export interface WorkspaceCopy {
  /** The copy's root: run `packages/store/src/cli.ts` from here and every path it uses is the copy's. */
  readonly root: string;
  /** Removes the copy with everything written into it (builds, `.next`, a data folder inside it). */
  remove(): void;
}

/** Git-ignored, and inside the repository on purpose (see copyWorkspace). */
export const WORKSPACE_COPIES = join(REPO_ROOT, 'test-output', 'workspace-copies');

// What a build or a run writes into a package: never copied, each copy makes its own.
const GENERATED = new Set(['node_modules', 'build', 'dist', 'coverage', 'test-output']);
const isGenerated = (name: string): boolean => GENERATED.has(name) || name.startsWith('.next') || name.endsWith('.build-lock') || name === '.build-lock';

/**
 * Copies the packages' sources (not their builds, not `node_modules`) and the root's `package.json` and
 * `tsconfig.json` into a new folder under `test-output/workspace-copies/`. The copy's `node_modules` holds only
 * `@ctp-session/*`, linked to the copy's own packages; every other package resolves, walking up, from the
 * repository's `node_modules`. That is also why the copy lives inside the repository: Turbopack resolves only
 * files under its root (the folder of the repository's lockfile, which the copy does not have), and bundles,
 * `tsx` and Next.js then find the very same dependencies as in the real workspace.
 */
export function copyWorkspace(): WorkspaceCopy {
  mkdirSync(WORKSPACE_COPIES, { recursive: true });
  const root = mkdtempSync(join(WORKSPACE_COPIES, 'copy-'));
  try {
    for (const file of ['package.json', 'tsconfig.json']) cpSync(join(REPO_ROOT, file), join(root, file));
    const packages = readdirSync(join(REPO_ROOT, 'packages'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const entry of packages) {
      const from = join(REPO_ROOT, 'packages', entry.name);
      cpSync(from, join(root, 'packages', entry.name), {
        recursive: true,
        filter: (source) => source === from || !relative(from, source).split(sep).some(isGenerated),
      });
    }
    const scope = join(root, 'node_modules', '@ctp-session');
    mkdirSync(scope, { recursive: true });
    for (const entry of packages) symlinkSync(join('..', '..', 'packages', entry.name), join(scope, basename(entry.name)));
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
