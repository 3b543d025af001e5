/**
 * The extension contract as the platform's API hub applies it (see `@frontastic/extension-types`).
 * Kept here rather than imported so the hub runs any bundle without depending on that package.
 */
export type HeaderValues = Record<string, string[]>;

export interface ExtensionRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: string | undefined;
  headers: HeaderValues;
  sessionData: Record<string, unknown>;
  clientIp: string | undefined;
  hostname: string | undefined;
  frontasticRequestId: string;
}

export interface Project {
  projectId: string;
  name: string;
  customer: string;
  configuration: Record<string, unknown>;
  locales: string[];
  defaultLocale: string;
}

export interface FrontasticContext {
  environment: string;
  project: Project;
  projectConfiguration: Record<string, unknown>;
  locale: string;
  featureFlags: Record<string, boolean>;
}

export interface ActionContext {
  frontasticContext: FrontasticContext;
}

export interface DataSourceConfiguration {
  dataSourceId: string;
  type: string;
  name: string;
  configuration: Record<string, unknown>;
  preloadedValue?: unknown;
}

export interface DataSourceContext {
  frontasticContext: FrontasticContext;
  pageFolder?: unknown;
  page?: unknown;
  usingTastics?: unknown[] | null;
  request: ExtensionRequest;
  isPreview?: boolean;
}

export type ActionHandler = (request: ExtensionRequest, actionContext: ActionContext) => unknown;
export type DataSourceHandler = (configuration: DataSourceConfiguration, context: DataSourceContext) => unknown;
export type DynamicPageHandler = (request: ExtensionRequest, context: DataSourceContext) => unknown;

export interface ExtensionBundle {
  readonly actions: Readonly<Record<string, Readonly<Record<string, ActionHandler>>>>;
  readonly dataSources: Readonly<Record<string, DataSourceHandler>>;
  readonly dynamicPageHandler: DynamicPageHandler | undefined;
}
