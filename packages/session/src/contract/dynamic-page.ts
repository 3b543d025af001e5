import type { ActionRequest } from './action.js';
import type { DataSourceContext } from './data-source.js';

/** The dynamic page handler receives the data-source context; the name says what it is used for. */
export type DynamicPageContext = DataSourceContext;

export interface DynamicPageSuccessResult {
  dynamicPageType: string;
  /** The __master data source's payload; must be JSON-serialisable. */
  dataSourcePayload: unknown;
  pageMatchingPayload?: unknown;
}

export interface DynamicPageRedirectResult {
  redirectLocation: string;
  statusCode?: number;
  statusMessage?: string;
  additionalResponseHeaders?: Record<string, string>;
}

export type DynamicPageResult = DynamicPageSuccessResult | DynamicPageRedirectResult | null;

export type DynamicPageHandler = (request: ActionRequest, context: DynamicPageContext) => Promise<DynamicPageResult> | DynamicPageResult;
