import type { ActionRequest } from './action.js';
import type { FrontasticContext } from './frontastic-context.js';

export interface DataSourceConfiguration {
  dataSourceId: string;
  type: string;
  name: string;
  /** The Studio fields of the data source schema. */
  configuration: Readonly<Record<string, unknown>>;
  preloadedValue?: unknown;
}

/** What a data source (and the dynamic page handler) receives as context. Page structures are left opaque. */
export interface DataSourceContext {
  frontasticContext?: FrontasticContext;
  pageFolder?: unknown;
  page?: unknown;
  usingTastics?: unknown[] | null;
  request?: ActionRequest;
  isPreview?: boolean;
}

export interface DataSourcePreviewPayloadElement {
  title: string;
  image?: string;
}

/** No `sessionData` here: the platform ignores any session a data source returns. */
export interface DataSourceResult {
  /** Must be JSON-serialisable. */
  dataSourcePayload: unknown;
  previewPayload?: DataSourcePreviewPayloadElement[];
}

export type DataSourceHandler = (config: DataSourceConfiguration, context: DataSourceContext) => Promise<DataSourceResult> | DataSourceResult;
