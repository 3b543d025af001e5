import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STORE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = join(STORE_ROOT, '..', '..');
export const FRONTEND_ROOT = join(REPO_ROOT, 'packages', 'frontend');
export const EXTENSIONS_ROOT = join(REPO_ROOT, 'packages', 'extensions');
export const SESSION_ROOT = join(REPO_ROOT, 'packages', 'session');
export const STUDIO_PAGES = join(FRONTEND_ROOT, 'studio', 'pages.json');
/** The hub's project file: `frontasticContext.project`. */
export const STUDIO_PROJECT = join(FRONTEND_ROOT, 'studio', 'project.yml');
// Resolved as the frontend resolves it (walking up from it), not assumed under the root's node_modules: a copy of
// the workspace (workspaceCopy.ts) finds it in the repository's.
export const NEXT_BIN = createRequire(join(FRONTEND_ROOT, 'package.json')).resolve('next/dist/bin/next');
