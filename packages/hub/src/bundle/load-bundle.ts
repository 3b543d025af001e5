import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';
import { BundleLoadError, BundleShapeError } from '../errors.js';
import type { BundleTimerGlobals } from '../run/bundle-timers.js';
import type { ActionHandler, DataSourceHandler, DynamicPageHandler, ExtensionBundle } from './extension-types.js';

const KNOWN_KEYS = new Set(['actions', 'data-sources', 'dynamic-page-handler']);

export interface LoadedBundle {
  readonly bundle: ExtensionBundle;
  /** Default-export keys the platform ignores (`schemas`, numeric keys of an `Object.assign` reduce, …). */
  readonly unknownKeys: string[];
  /** Registry entries that are not functions, skipped as the platform skips them: `'data-sources'.0`, `actions.cart.helpers`. */
  readonly skipped: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** `module.exports.default` (esbuild/webpack ESM interop) or `module.exports` itself. */
function defaultExportOf(moduleExports: unknown): unknown {
  if (isRecord(moduleExports) && isRecord(moduleExports['default'])) return moduleExports['default'];
  return moduleExports;
}

/**
 * The functions of one registry object. Anything else is skipped and named: launchpads build their registry
 * by `Object.assign`-reducing an array of extension modules, which leaves numeric keys holding those modules,
 * and the platform runs such bundles.
 */
function functionsOf<T>(value: Record<string, unknown>, where: string, skipped: string[]): Record<string, T> {
  // Null-prototype maps: a request for action "constructor" must not find Object.prototype members.
  const result: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [name, handler] of Object.entries(value)) {
    if (typeof handler === 'function') result[name] = handler as T;
    else skipped.push(`${where}.${name} (${kindOf(handler)})`);
  }
  return result;
}

function actionsOf(value: unknown, skipped: string[]): Record<string, Record<string, ActionHandler>> {
  const actions: Record<string, Record<string, ActionHandler>> = Object.create(null) as Record<string, Record<string, ActionHandler>>;
  if (value === undefined) return actions;
  if (!isRecord(value)) {
    skipped.push(`actions (${kindOf(value)})`);
    return actions;
  }
  for (const [namespace, group] of Object.entries(value)) {
    if (!isRecord(group)) {
      skipped.push(`actions.${namespace} (${kindOf(group)})`);
      continue;
    }
    actions[namespace] = functionsOf<ActionHandler>(group, `actions.${namespace}`, skipped);
  }
  return actions;
}

function dataSourcesOf(value: unknown, skipped: string[]): Record<string, DataSourceHandler> {
  if (value === undefined) return Object.create(null) as Record<string, DataSourceHandler>;
  if (!isRecord(value)) {
    skipped.push(`'data-sources' (${kindOf(value)})`);
    return Object.create(null) as Record<string, DataSourceHandler>;
  }
  return functionsOf<DataSourceHandler>(value, "'data-sources'", skipped);
}

function handlerCount(bundle: ExtensionBundle): number {
  const actions = Object.values(bundle.actions).reduce((count, group) => count + Object.keys(group).length, 0);
  return actions + Object.keys(bundle.dataSources).length + (bundle.dynamicPageHandler === undefined ? 0 : 1);
}

/**
 * Checks a bundle's default export against the extension contract, loading what the platform loads: entries
 * that are not functions are skipped (and reported), only a bundle with no usable registry is refused.
 */
export function toExtensionBundle(defaultExport: unknown, file: string): LoadedBundle {
  if (!isRecord(defaultExport)) {
    throw new BundleShapeError(`${file} must export { actions, 'data-sources', 'dynamic-page-handler' } as its default export, got ${kindOf(defaultExport)}.`);
  }
  const skipped: string[] = [];
  const handler = defaultExport['dynamic-page-handler'];
  if (handler !== undefined && typeof handler !== 'function') skipped.push(`'dynamic-page-handler' (${kindOf(handler)})`);
  const bundle: ExtensionBundle = {
    actions: actionsOf(defaultExport['actions'], skipped),
    dataSources: dataSourcesOf(defaultExport['data-sources'], skipped),
    dynamicPageHandler: typeof handler === 'function' ? (handler as DynamicPageHandler) : undefined,
  };
  if (handlerCount(bundle) === 0) {
    const found = skipped.length > 0 ? ` Entries that are not functions: ${skipped.join(', ')}.` : '';
    throw new BundleShapeError(
      `${file} has no usable registry: its default export holds no action, data source or dynamic page handler function.${found} Export { actions: { <namespace>: { <action>: function } }, 'data-sources': { <type>: function }, 'dynamic-page-handler': function }.`,
    );
  }
  return { bundle, unknownKeys: Object.keys(defaultExport).filter((key) => !KNOWN_KEYS.has(key)), skipped };
}

function messageOf(error: unknown): string {
  // Duck-typed: the bundle's errors may come from another realm (under a test runner), where instanceof fails.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * What the bundle's module wrapper is given besides CommonJS's own parameters, in place of the globals of those
 * names: the hub's redacting `console` and timers it counts (see `BundleTimers`).
 */
export interface BundleGlobals extends BundleTimerGlobals {
  readonly console: Console;
}

export const PROCESS_GLOBALS: BundleGlobals = { console, setTimeout, setInterval, clearTimeout, clearInterval };

/**
 * Evaluates the file as CommonJS whatever its extension or the nearest package.json says, as the platform
 * does with `bundle.min.js`, and afresh on every call: no module cache to invalidate on reload. Its own
 * `require` resolves from the bundle's folder. `enter` runs the evaluation (so that timers and promises the
 * bundle starts while loading stay attributed to it).
 */
function evaluateCommonJs(file: string, enter: <T>(run: () => T) => T, globals: BundleGlobals): unknown {
  const source = readFileSync(file, 'utf8');
  // Each of `globals` is one more parameter of the module wrapper: the bundle's own code uses the one it is given.
  const names = Object.keys(globals) as (keyof BundleGlobals)[];
  const wrapper = compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname', ...names], { filename: file });
  const module = { exports: {} as unknown };
  enter(() => wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), ...names.map((name) => globals[name])));
  return module.exports;
}

/**
 * Loads a CommonJS bundle as the platform does; throws `BundleLoadError` or `BundleShapeError`. `globals` are the
 * `console` and timers the bundle's code sees (default: the process's).
 */
export function loadBundle(file: string, enter: <T>(run: () => T) => T = (run) => run(), globals: BundleGlobals = PROCESS_GLOBALS): LoadedBundle {
  if (!existsSync(file)) {
    throw new BundleLoadError(`The extensions bundle ${file} does not exist; build it (yarn build) or point HUB_BUNDLE at a bundle file.`);
  }
  let moduleExports: unknown;
  try {
    moduleExports = evaluateCommonJs(file, enter, globals);
  } catch (error) {
    throw new BundleLoadError(`The extensions bundle ${file} failed to load: ${messageOf(error)}. Fix the bundle (it must be CommonJS) and start the hub again.`, { cause: error });
  }
  return toExtensionBundle(defaultExportOf(moduleExports), file);
}
