import { ProjectError } from '../errors.js';
import type { Project } from '../bundle/extension-types.js';

/**
 * `frontasticContext.project` as a hub user writes it: in a file shaped like the platform's `project.yml`
 * (`languages`, `defaultLanguage`) or with the names extensions see (`locales`, `defaultLocale`).
 */
export interface ProjectSettings {
  projectId: string;
  name?: string;
  customer?: string;
  locales?: string[];
  defaultLocale?: string;
  /** What the platform builds from `project.yml`'s `configuration` (launchpads read `commercetools`, `smtp`, … from it). */
  configuration?: Record<string, unknown>;
}

export const DEFAULT_PROJECT: Project = {
  projectId: 'local',
  name: 'Local project',
  customer: 'local',
  configuration: {},
  locales: ['en_US'],
  defaultLocale: 'en_US',
};

// project.yml keys the platform keeps to itself (`apiKey` is a secret): accepted and never passed to extensions.
const PLATFORM_ONLY_KEYS = new Set(['apiKey', 'previewUrl', 'publicUrl', 'webpackPort', 'ssrPort', 'data', 'projectSpecific', 'endpoints']);
const KEYS = new Set(['projectId', 'name', 'customer', 'locales', 'languages', 'defaultLocale', 'defaultLanguage', 'configuration']);
// language_TERRITORY with an optional @CURRENCY, as Studio and project.yml write locales (en_GB, de_DE@EUR).
const LOCALE = /^[a-z]{2,3}(_[A-Z]{2})?(@[A-Z]{3})?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function fail(source: string, message: string): never {
  throw new ProjectError(`${source}: ${message}. See "Project" in packages/hub/README.md.`);
}

function text(value: unknown, source: string, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(source, `${field} must be a non-empty string, got ${kindOf(value)}`);
  return value;
}

function localeList(value: unknown, source: string, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) fail(source, `${field} must be a non-empty list of locales such as [en_US, de_DE], got ${kindOf(value)}`);
  return value.map((locale, index) => {
    if (typeof locale !== 'string' || !LOCALE.test(locale)) fail(source, `${field}[${index}] must be a locale such as en_US or de_DE@EUR, got ${JSON.stringify(locale)}`);
    return locale;
  });
}

/** One of two spellings of the same field (`locales` or project.yml's `languages`); both must agree when both are given. */
function either<T>(source: string, names: [string, string], values: [T | undefined, T | undefined]): T | undefined {
  const [first, second] = values;
  if (first !== undefined && second !== undefined && JSON.stringify(first) !== JSON.stringify(second)) {
    fail(source, `${names[0]} and ${names[1]} name the same field and disagree; keep one of them`);
  }
  return first ?? second;
}

/** Validates the project and fills what the platform always has (a name, the default locale). */
export function parseProject(value: unknown, source: string): Project {
  if (!isRecord(value)) fail(source, `the project must be a mapping of fields (projectId, customer, locales, …), got ${kindOf(value)}`);
  const unknown = Object.keys(value).filter((key) => !KEYS.has(key) && !PLATFORM_ONLY_KEYS.has(key));
  if (unknown.length > 0) fail(source, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the fields are ${[...KEYS].join(', ')}`);
  const projectId = text(value['projectId'], source, 'projectId');
  if (projectId === undefined) fail(source, 'projectId is missing; it is the id the platform gives the project (frontasticContext.project.projectId)');
  const locales = either(source, ['locales', 'languages'], [localeList(value['locales'], source, 'locales'), localeList(value['languages'], source, 'languages')]) ?? DEFAULT_PROJECT.locales;
  const defaultLocale =
    either(source, ['defaultLocale', 'defaultLanguage'], [text(value['defaultLocale'], source, 'defaultLocale'), text(value['defaultLanguage'], source, 'defaultLanguage')]) ?? locales[0];
  if (defaultLocale === undefined || !locales.includes(defaultLocale)) fail(source, `defaultLocale ${String(defaultLocale)} is not one of the project's locales (${locales.join(', ')})`);
  const configuration = value['configuration'] ?? {};
  if (!isRecord(configuration)) fail(source, `configuration must be a mapping (as project.yml's configuration: commercetools: …), got ${kindOf(configuration)}`);
  return {
    projectId,
    name: text(value['name'], source, 'name') ?? projectId,
    customer: text(value['customer'], source, 'customer') ?? DEFAULT_PROJECT.customer,
    configuration,
    locales,
    defaultLocale,
  };
}
