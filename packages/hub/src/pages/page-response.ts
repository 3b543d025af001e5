import type { StudioPageFolder, StudioTastic } from './studio-data.js';

/** The page as `page.getPage` returns it (`PageResponse.page`). */
export function pageOf(folder: StudioPageFolder): { pageId: string; sections: StudioPageFolder['page']['sections']; state: string } {
  return { pageId: folder.page.pageId, sections: folder.page.sections, state: folder.page.state };
}

/** `PageResponse.pageFolder`, in the platform's `PageFolder` shape. */
export function pageFolderOf(folder: StudioPageFolder): Record<string, unknown> {
  const depth = folder.path === undefined || folder.path === '/' ? 0 : folder.path.split('/').filter(Boolean).length;
  return {
    pageFolderId: folder.pageFolderId,
    isDynamic: folder.dynamicPageType !== undefined,
    pageFolderType: folder.dynamicPageType ?? 'landingpage',
    configuration: { ...folder.configuration, ...(folder.path === undefined ? {} : { path: folder.path }) },
    dataSourceConfigurations: folder.dataSourceConfigurations.map((configuration) => ({ ...configuration, preloadedValue: null })),
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
