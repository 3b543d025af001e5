import { MASTER_DATA_SOURCE_ID, type StudioDataSourceConfiguration, type StudioPageFolder, type StudioTastic } from './studio-data.js';

/** A data source configuration as extensions get it (`DataSourceConfiguration` of the extension types). */
export interface PreloadedDataSourceConfiguration extends StudioDataSourceConfiguration {
  /** The dynamic page handler's `dataSourcePayload` on a dynamic page's `__master` entry; `null` everywhere else. */
  preloadedValue: unknown;
}

/** What the page API knows while it renders one folder: the dynamic page handler's payload, if it ran. */
export interface RenderedFolder {
  readonly folder: StudioPageFolder;
  /** Set for a page the dynamic page handler matched; a `null` payload counts as none, as on the platform. */
  readonly masterPayload?: unknown;
}

/** The folder's data source configurations, `__master` preloaded with the dynamic page handler's payload. */
export function dataSourceConfigurationsOf(rendered: RenderedFolder): PreloadedDataSourceConfiguration[] {
  return rendered.folder.dataSourceConfigurations.map((configuration) => ({
    ...configuration,
    preloadedValue: configuration.dataSourceId === MASTER_DATA_SOURCE_ID ? (rendered.masterPayload ?? null) : null,
  }));
}

/** The page as `page.getPage` returns it (`PageResponse.page`). */
export function pageOf(folder: StudioPageFolder): { pageId: string; sections: StudioPageFolder['page']['sections']; state: string } {
  return { pageId: folder.page.pageId, sections: folder.page.sections, state: folder.page.state };
}

function pathTranslationsOf(folder: StudioPageFolder, locales: readonly string[]): Record<string, unknown> {
  const given = folder.configuration['pathTranslations'];
  const translations = typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
  return Object.fromEntries(locales.map((locale) => [locale, translations[locale] ?? folder.path ?? null]));
}

/**
 * `PageResponse.pageFolder` (and `context.pageFolder` of data sources), in the platform's `PageFolder` shape:
 * `configuration.pathTranslations` for every project locale, data source configurations with `preloadedValue`.
 */
export function pageFolderOf(rendered: RenderedFolder, locales: readonly string[]): Record<string, unknown> {
  const { folder } = rendered;
  const depth = folder.path === undefined || folder.path === '/' ? 0 : folder.path.split('/').filter(Boolean).length;
  return {
    pageFolderId: folder.pageFolderId,
    isDynamic: folder.dynamicPageType !== undefined,
    pageFolderType: folder.dynamicPageType ?? 'landingpage',
    configuration: { ...folder.configuration, ...(folder.path === undefined ? {} : { path: folder.path }), pathTranslations: pathTranslationsOf(folder, locales) },
    dataSourceConfigurations: dataSourceConfigurationsOf(rendered),
    name: folder.name,
    ancestorIdsMaterializedPath: '/',
    depth,
    sort: 0,
    breadcrumbs: [],
  };
}

function referencesDataSource(value: unknown, dataSourceId: string): boolean {
  if (Array.isArray(value)) return value.some((item) => referencesDataSource(item, dataSourceId));
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record['dataSourceId'] === dataSourceId) return true;
  return Object.values(record).some((item) => referencesDataSource(item, dataSourceId));
}

/** The tastics whose configuration points at the data source (`{ "dataSourceId": … }` at any depth). */
export function tasticsUsing(folder: StudioPageFolder, dataSourceId: string): StudioTastic[] {
  const tastics: StudioTastic[] = [];
  for (const section of Object.values(folder.page.sections)) {
    for (const element of section?.layoutElements ?? []) {
      for (const tastic of element.tastics) if (referencesDataSource(tastic.configuration, dataSourceId)) tastics.push(tastic);
    }
  }
  return tastics;
}
