import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSourceSchema, DynamicPageSchema, StudioInput } from './studio-check';

export const FRONTEND_ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_SCHEMAS = join(FRONTEND_ROOT, '..', 'extensions', 'schemas');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** `tastics/<category>/<name>/schema.json`, keyed `<category>/<name>`. */
export function loadTasticSchemas(root = join(FRONTEND_ROOT, 'tastics')): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const category of readdirSync(root)) {
    if (!statSync(join(root, category)).isDirectory()) continue;
    for (const name of readdirSync(join(root, category))) {
      const folder = join(root, category, name);
      if (!statSync(folder).isDirectory()) continue;
      schemas[`${category}/${name}`] = readJson(join(folder, 'schema.json'));
    }
  }
  return schemas;
}

function loadDir<T>(dir: string): T[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => readJson(join(dir, file)) as T);
}

/** Everything the store's Studio data consists of, read from disk (the registry is passed in). */
export function loadStudio(registry: readonly string[]): StudioInput {
  return {
    tasticSchemas: loadTasticSchemas(),
    registry,
    dataSources: loadDir<DataSourceSchema>(join(EXTENSION_SCHEMAS, 'data-sources')),
    dynamicPages: loadDir<DynamicPageSchema>(join(EXTENSION_SCHEMAS, 'dynamic-pages')),
    pages: readJson(join(FRONTEND_ROOT, 'studio', 'pages.json')),
  };
}
