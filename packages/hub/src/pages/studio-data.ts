import { PagesFileError } from '../errors.js';

/**
 * The local Studio data file: what Studio would publish for a project, as one JSON document.
 * A page folder is static (`path`) or dynamic (`dynamicPageType`), holds the data source
 * configurations its tastics use, and one page whose tastics reference data sources by
 * `{ "dataSourceId": "…" }` anywhere in their configuration.
 */
export interface StudioTastic {
  tasticId: string;
  tasticType: string;
  configuration: Record<string, unknown>;
}

export interface StudioLayoutElement {
  layoutElementId: string;
  configuration: Record<string, unknown>;
  tastics: StudioTastic[];
}

export interface StudioSection {
  sectionId: string;
  layoutElements: StudioLayoutElement[];
}

export type SectionName = 'head' | 'main' | 'footer';

export interface StudioPage {
  pageId: string;
  state: string;
  sections: Partial<Record<SectionName, StudioSection>>;
}

export interface StudioDataSourceConfiguration {
  dataSourceId: string;
  type: string;
  name: string;
  configuration: Record<string, unknown>;
}

export interface StudioPageFolder {
  pageFolderId: string;
  name: string;
  path: string | undefined;
  dynamicPageType: string | undefined;
  /**
   * Dynamic folders always hold the `__master` data source configuration (Studio adds it; its type is the
   * dynamic page schema's `dataSourceType`); the page API fills its `preloadedValue` with the handler's payload.
   */
  configuration: Record<string, unknown>;
  dataSourceConfigurations: StudioDataSourceConfiguration[];
  page: StudioPage;
}

export interface StudioData {
  pageFolders: StudioPageFolder[];
}

const SECTION_NAMES: readonly SectionName[] = ['head', 'main', 'footer'];

/** The data source a dynamic page handler's `dataSourcePayload` fills. */
export const MASTER_DATA_SOURCE_ID = '__master';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
  throw new PagesFileError(`${where}: ${what}. See "Studio pages JSON" in packages/hub/README.md for the format.`);
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') fail(where, 'must be a non-empty string');
  return value;
}

function optionalStr(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : str(value, where);
}

function obj(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(where, 'must be an object');
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, 'must be an array');
  return value;
}

function parseTastic(value: unknown, where: string): StudioTastic {
  const tastic = obj(value, where);
  return { tasticId: str(tastic['tasticId'], `${where}.tasticId`), tasticType: str(tastic['tasticType'], `${where}.tasticType`), configuration: obj(tastic['configuration'], `${where}.configuration`) };
}

function parseSection(value: unknown, where: string): StudioSection {
  const section = obj(value, where);
  return {
    sectionId: str(section['sectionId'], `${where}.sectionId`),
    layoutElements: list(section['layoutElements'], `${where}.layoutElements`).map((element, index) => {
      const at = `${where}.layoutElements[${index}]`;
      const layoutElement = obj(element, at);
      return {
        layoutElementId: str(layoutElement['layoutElementId'], `${at}.layoutElementId`),
        configuration: obj(layoutElement['configuration'], `${at}.configuration`),
        tastics: list(layoutElement['tastics'], `${at}.tastics`).map((tastic, tasticIndex) => parseTastic(tastic, `${at}.tastics[${tasticIndex}]`)),
      };
    }),
  };
}

function parsePage(value: unknown, where: string): StudioPage {
  if (!isRecord(value)) fail(where, 'must be an object with pageId and sections');
  const sectionsInput = obj(value['sections'], `${where}.sections`);
  const unknownSection = Object.keys(sectionsInput).find((name) => !SECTION_NAMES.includes(name as SectionName));
  if (unknownSection !== undefined) fail(`${where}.sections.${unknownSection}`, 'is not a section; use head, main or footer');
  const sections: Partial<Record<SectionName, StudioSection>> = {};
  for (const name of SECTION_NAMES) {
    if (sectionsInput[name] !== undefined) sections[name] = parseSection(sectionsInput[name], `${where}.sections.${name}`);
  }
  return { pageId: str(value['pageId'], `${where}.pageId`), state: optionalStr(value['state'], `${where}.state`) ?? 'published', sections };
}

function parseDataSourceConfigurations(value: unknown, where: string): StudioDataSourceConfiguration[] {
  return list(value, `${where}.dataSourceConfigurations`).map((entry, index) => {
    const at = `${where}.dataSourceConfigurations[${index}]`;
    const configuration = obj(entry, at);
    const dataSourceId = str(configuration['dataSourceId'], `${at}.dataSourceId`);
    return {
      dataSourceId,
      type: str(configuration['type'], `${at}.type`),
      name: optionalStr(configuration['name'], `${at}.name`) ?? dataSourceId,
      configuration: obj(configuration['configuration'], `${at}.configuration`),
    };
  });
}

/** A dynamic folder's `__master` entry: as listed, or added with the folder's `dataSourceType`. */
function withMaster(entries: StudioDataSourceConfiguration[], dataSourceType: string | undefined, dynamicPageType: string, where: string): StudioDataSourceConfiguration[] {
  const listed = entries.find((entry) => entry.dataSourceId === MASTER_DATA_SOURCE_ID);
  if (listed !== undefined) {
    if (dataSourceType !== undefined && listed.type !== dataSourceType) fail(`${where}.dataSourceType`, `is "${dataSourceType}" but the listed __master data source has type "${listed.type}"; keep one of them`);
    return entries;
  }
  return [{ dataSourceId: MASTER_DATA_SOURCE_ID, type: dataSourceType ?? dynamicPageType, name: MASTER_DATA_SOURCE_ID, configuration: {} }, ...entries];
}

function parseFolder(value: unknown, where: string): StudioPageFolder {
  const folder = obj(value, where);
  const path = optionalStr(folder['path'], `${where}.path`);
  const dynamicPageType = optionalStr(folder['dynamicPageType'], `${where}.dynamicPageType`);
  if ((path === undefined) === (dynamicPageType === undefined)) fail(where, 'needs exactly one of "path" (static page) or "dynamicPageType" (dynamic page)');
  if (path !== undefined && !path.startsWith('/')) fail(`${where}.path`, 'must start with "/"');
  const dataSourceType = optionalStr(folder['dataSourceType'], `${where}.dataSourceType`);
  if (dataSourceType !== undefined && dynamicPageType === undefined) fail(`${where}.dataSourceType`, 'belongs to dynamic page folders (the type of their __master data source)');
  const pageFolderId = str(folder['pageFolderId'], `${where}.pageFolderId`);
  const entries = parseDataSourceConfigurations(folder['dataSourceConfigurations'], where);
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.dataSourceId)) fail(`${where}.dataSourceConfigurations`, `lists dataSourceId "${entry.dataSourceId}" twice`);
    ids.add(entry.dataSourceId);
  }
  return {
    pageFolderId,
    name: optionalStr(folder['name'], `${where}.name`) ?? pageFolderId,
    path,
    dynamicPageType,
    configuration: obj(folder['configuration'], `${where}.configuration`),
    dataSourceConfigurations: dynamicPageType === undefined ? entries : withMaster(entries, dataSourceType, dynamicPageType, where),
    page: parsePage(folder['page'], `${where}.page`),
  };
}

const SLASH = 47;

/**
 * The path without query, fragment and trailing slashes. Trimmed by a loop, not `/\/+$/`: that pattern
 * retries at every slash of a long run, which makes 16,000 slashes in a `Frontastic-Path` cost a quarter second.
 */
export function normalisePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? '';
  const withSlash = withoutQuery.startsWith('/') ? withoutQuery : `/${withoutQuery}`;
  let end = withSlash.length;
  while (end > 1 && withSlash.charCodeAt(end - 1) === SLASH) end -= 1;
  return withSlash.slice(0, end);
}

/** Validates the whole document and reports the first problem with its JSON path. */
export function parseStudioData(value: unknown, source: string): StudioData {
  if (!isRecord(value)) fail(source, 'must be an object { "pageFolders": [...] }');
  const pageFolders = list(value['pageFolders'], `${source} pageFolders`).map((folder, index) => parseFolder(folder, `${source} pageFolders[${index}]`));
  const seen = new Map<string, string>();
  for (const folder of pageFolders) {
    const key = folder.path !== undefined ? `path ${normalisePath(folder.path)}` : `dynamicPageType ${folder.dynamicPageType}`;
    const other = seen.get(key);
    if (other !== undefined) fail(source, `page folders "${other}" and "${folder.pageFolderId}" both claim ${key}`);
    seen.set(key, folder.pageFolderId);
  }
  return { pageFolders };
}
