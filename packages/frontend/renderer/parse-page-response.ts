import type { LayoutElementData, PageResponseData, RedirectData, SectionData, SectionName, TasticData } from './page-types';

/** The hub answered with something that is neither a page nor a redirect. */
export class PageResponseError extends Error {
  override readonly name = 'PageResponseError';
  readonly code = 'PAGE_RESPONSE_INVALID';
  constructor(where: string) {
    super(`The API hub's page answer is not a page: ${where}. Check the hub's Studio pages file and the page route.`);
  }
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new PageResponseError(`${where} is not a string`);
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new PageResponseError(`${where} is not a list`);
  return value;
}

function tastic(value: unknown, where: string): TasticData {
  if (!isRecord(value)) throw new PageResponseError(`${where} is not an object`);
  return {
    tasticId: text(value['tasticId'], `${where}.tasticId`),
    tasticType: text(value['tasticType'], `${where}.tasticType`),
    configuration: isRecord(value['configuration']) ? value['configuration'] : {},
  };
}

function layoutElement(value: unknown, where: string): LayoutElementData {
  if (!isRecord(value)) throw new PageResponseError(`${where} is not an object`);
  const configuration = isRecord(value['configuration']) ? value['configuration'] : {};
  return {
    layoutElementId: text(value['layoutElementId'], `${where}.layoutElementId`),
    configuration: {
      ...(typeof configuration['size'] === 'number' ? { size: configuration['size'] } : {}),
      ...(typeof configuration['mobile'] === 'boolean' ? { mobile: configuration['mobile'] } : {}),
      ...(typeof configuration['tablet'] === 'boolean' ? { tablet: configuration['tablet'] } : {}),
      ...(typeof configuration['desktop'] === 'boolean' ? { desktop: configuration['desktop'] } : {}),
    },
    tastics: list(value['tastics'], `${where}.tastics`).map((t, i) => tastic(t, `${where}.tastics[${i}]`)),
  };
}

function section(value: unknown, where: string): SectionData {
  if (!isRecord(value)) throw new PageResponseError(`${where} is not an object`);
  return {
    sectionId: text(value['sectionId'], `${where}.sectionId`),
    layoutElements: list(value['layoutElements'], `${where}.layoutElements`).map((le, i) =>
      layoutElement(le, `${where}.layoutElements[${i}]`),
    ),
  };
}

export function isRedirect(value: unknown): value is RedirectData {
  return isRecord(value) && typeof value['target'] === 'string' && typeof value['statusCode'] === 'number' && !('page' in value);
}

/** Checks the page answer's shape once, so the renderer and tastics can trust it. */
export function parsePageResponse(value: unknown): PageResponseData {
  if (!isRecord(value)) throw new PageResponseError('the answer is not an object');
  const page = value['page'];
  if (!isRecord(page)) throw new PageResponseError('page is missing');
  const rawSections = isRecord(page['sections']) ? page['sections'] : {};
  const sections: Partial<Record<SectionName, SectionData>> = {};
  for (const name of ['head', 'main', 'footer'] as const) {
    if (rawSections[name] !== undefined) sections[name] = section(rawSections[name], `page.sections.${name}`);
  }
  const folder = isRecord(value['pageFolder']) ? value['pageFolder'] : {};
  const data = isRecord(value['data']) ? value['data'] : {};
  return {
    page: { pageId: text(page['pageId'], 'page.pageId'), sections },
    pageFolder: {
      pageFolderId: typeof folder['pageFolderId'] === 'string' ? folder['pageFolderId'] : '',
      ...(typeof folder['name'] === 'string' ? { name: folder['name'] } : {}),
      ...(typeof folder['isDynamic'] === 'boolean' ? { isDynamic: folder['isDynamic'] } : {}),
      ...(typeof folder['pageFolderType'] === 'string' ? { pageFolderType: folder['pageFolderType'] } : {}),
    },
    data: { dataSources: isRecord(data['dataSources']) ? data['dataSources'] : {} },
  };
}
