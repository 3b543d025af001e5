import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSourceSchema, DynamicPageSchema, StudioInput } from './studio-check';

export const FRONTEND_ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_SCHEMAS = join(FRONTEND_ROOT, '..', 'extensions', 'schemas');

/** A Studio JSON file (a tastic's schema.json, a data source schema, the pages file) that does not parse. */
export class StudioJsonError extends Error {
  readonly code = 'STUDIO_JSON_INVALID';
  override readonly name = 'StudioJsonError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${file}:${line}:${column}: not valid JSON (${reason}); fix it and save again.`);
  }
}

/** Where a JSON.parse error is: Node says the position, and the line and column too when it can. */
function locate(text: string, reason: string): { line: number; column: number } {
  const said = /\(line (\d+) column (\d+)\)/.exec(reason);
  if (said !== null) return { line: Number(said[1]), column: Number(said[2]) };
  const position = Number(/position (\d+)/.exec(reason)?.[1] ?? text.length);
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const readJson = (path: string): unknown => {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { line, column } = locate(text, reason);
    throw new StudioJsonError(path, line, column, reason);
  }
};

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
