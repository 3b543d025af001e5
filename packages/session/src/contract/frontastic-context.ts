/** Project information as the platform hands it to extensions. */
export interface FrontasticProject {
  projectId: string;
  name: string;
  customer: string;
  configuration: Readonly<Record<string, unknown>>;
  locales: string[];
  defaultLocale: string;
}

/** `frontasticContext`: where the extension runs. */
export interface FrontasticContext {
  /** "production", "staging" or "development". */
  environment: string;
  project: FrontasticProject;
  /** Studio project-configuration fields, flattened. */
  projectConfiguration: Readonly<Record<string, unknown>>;
  locale: string;
  /** The platform sends `[]` (an empty PHP map) when there are no flags. */
  featureFlags: Readonly<Record<string, boolean>> | readonly [];
}
