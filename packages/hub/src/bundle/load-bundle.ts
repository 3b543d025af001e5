import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';
import { BundleLoadError, BundleShapeError } from '../errors.js';
import type { ActionHandler, DataSourceHandler, DynamicPageHandler, ExtensionBundle } from './extension-types.js';

const KNOWN_KEYS = new Set(['actions', 'data-sources', 'dynamic-page-handler']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `module.exports.default` (esbuild/webpack ESM interop) or `module.exports` itself. */
function defaultExportOf(moduleExports: unknown): unknown {
  if (isRecord(moduleExports) && isRecord(moduleExports['default'])) return moduleExports['default'];
  return moduleExports;
}

function functionsOf<T>(value: unknown, where: string): Record<string, T> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new BundleShapeError(`${where} must be an object; check the bundle's default export.`);
  // Null-prototype maps: a request for action "constructor" must not find Object.prototype members.
  const result: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [name, handler] of Object.entries(value)) {
    if (typeof handler !== 'function') throw new BundleShapeError(`${where}.${name} must be a function, got ${typeof handler}.`);
    result[name] = handler as T;
  }
  return result;
}

/** Checks a bundle's default export against the extension contract. */
export function toExtensionBundle(defaultExport: unknown, file: string): { bundle: ExtensionBundle; unknownKeys: string[] } {
  if (!isRecord(defaultExport)) {
    throw new BundleShapeError(`${file} must export { actions, 'data-sources', 'dynamic-page-handler' } as its default export, got ${typeof defaultExport}.`);
  }
  const actionsExport = defaultExport['actions'] ?? {};
  if (!isRecord(actionsExport)) throw new BundleShapeError(`actions in ${file} must be an object of namespaces.`);
  const actions: Record<string, Record<string, ActionHandler>> = Object.create(null) as Record<string, Record<string, ActionHandler>>;
  for (const [namespace, group] of Object.entries(actionsExport)) {
    actions[namespace] = functionsOf<ActionHandler>(group, `actions.${namespace}`);
  }
  const handler = defaultExport['dynamic-page-handler'];
  if (handler !== undefined && typeof handler !== 'function') {
    throw new BundleShapeError(`'dynamic-page-handler' in ${file} must be a function, got ${typeof handler}.`);
  }
  return {
    bundle: {
      actions,
      dataSources: functionsOf<DataSourceHandler>(defaultExport['data-sources'], "'data-sources'"),
      dynamicPageHandler: handler as DynamicPageHandler | undefined,
    },
    unknownKeys: Object.keys(defaultExport).filter((key) => !KNOWN_KEYS.has(key)),
  };
}

function messageOf(error: unknown): string {
  // Duck-typed: the bundle's errors may come from another realm (under a test runner), where instanceof fails.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Evaluates the file as CommonJS whatever its extension or the nearest package.json says, as the platform
 * does with `bundle.min.js`, and afresh on every call: no module cache to invalidate on reload. Its own
 * `require` resolves from the bundle's folder.
 */
function evaluateCommonJs(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  const wrapper = compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Loads a CommonJS bundle as the platform does; throws `BundleLoadError` or `BundleShapeError`. */
export function loadBundle(file: string): { bundle: ExtensionBundle; unknownKeys: string[] } {
  if (!existsSync(file)) {
    throw new BundleLoadError(`The extensions bundle ${file} does not exist; build it (yarn build) or point HUB_BUNDLE at a bundle file.`);
  }
  let moduleExports: unknown;
  try {
    moduleExports = evaluateCommonJs(file);
  } catch (error) {
    throw new BundleLoadError(`The extensions bundle ${file} failed to load: ${messageOf(error)}. Fix the bundle (it must be CommonJS) and start the hub again.`, { cause: error });
  }
  return toExtensionBundle(defaultExportOf(moduleExports), file);
}
