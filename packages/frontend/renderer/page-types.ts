/** The parts of the hub's page response (`PageResponse` of the frontend-sdk) the renderer reads. */
export interface TasticData {
  tasticId: string;
  tasticType: string;
  configuration: Record<string, unknown>;
}

export interface LayoutElementData {
  layoutElementId: string;
  configuration: { size?: number; mobile?: boolean; tablet?: boolean; desktop?: boolean };
  tastics: TasticData[];
}

export interface SectionData {
  sectionId: string;
  layoutElements: LayoutElementData[];
}

export type SectionName = 'head' | 'main' | 'footer';

export interface PageData {
  pageId: string;
  sections: Partial<Record<SectionName, SectionData>>;
}

export interface PageResponseData {
  page: PageData;
  pageFolder: { pageFolderId: string; name?: string; isDynamic?: boolean; pageFolderType?: string };
  data: { dataSources: Record<string, unknown> };
}

export interface RedirectData {
  statusCode: number;
  reason: string;
  targetType: string;
  target: string;
}
