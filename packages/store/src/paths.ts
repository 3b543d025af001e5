import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STORE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = join(STORE_ROOT, '..', '..');
export const FRONTEND_ROOT = join(REPO_ROOT, 'packages', 'frontend');
export const EXTENSIONS_ROOT = join(REPO_ROOT, 'packages', 'extensions');
export const SESSION_ROOT = join(REPO_ROOT, 'packages', 'session');
export const STUDIO_PAGES = join(FRONTEND_ROOT, 'studio', 'pages.json');
export const NEXT_BIN = join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
