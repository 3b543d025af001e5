import type { DataSourceHandler, ExtensionBundle, ExtensionRequest, FrontasticContext } from '../bundle/extension-types.js';
import { dataSourceConfigurationsOf, pageFolderOf, pageOf, tasticsUsing, type RenderedFolder } from './page-response.js';

export interface DataSourceRun {
  readonly payloads: Record<string, unknown>;
  /** One line per data source that is missing from the bundle, threw, timed out or returned no payload. */
  readonly failures: string[];
}

export interface DataSourceRunInput {
  readonly bundle: ExtensionBundle;
  readonly rendered: RenderedFolder;
  readonly frontasticContext: FrontasticContext;
  readonly requestFor: () => ExtensionRequest;
  /** Calls into bundle code within the hub's limits (see `runExtension`). */
  readonly runExtension: (what: string, run: () => unknown) => Promise<unknown>;
}

function describe(error: unknown): string {
  // Duck-typed: errors thrown by the bundle may come from another realm.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Runs every data source of the page folder in parallel, each with read-only session data (whatever a data
 * source returns besides its payload is ignored, as on the platform). A configuration with a preloaded value
 * (a dynamic page's `__master`) is not run: its value is its payload, as the platform does.
 */
export async function runDataSources(input: DataSourceRunInput): Promise<DataSourceRun> {
  const { bundle, rendered, frontasticContext, requestFor, runExtension } = input;
  const payloads: Record<string, unknown> = {};
  const failures: string[] = [];
  // Each data source gets its own copy, as the platform's JSON transport gives it: what one changes, the others never see.
  const pageJson = JSON.stringify(pageOf(rendered.folder));
  const pageFolderJson = JSON.stringify(pageFolderOf(rendered, frontasticContext.project.locales));
  await Promise.all(
    dataSourceConfigurationsOf(rendered).map(async (configuration) => {
      if (configuration.preloadedValue !== null) {
        payloads[configuration.dataSourceId] = configuration.preloadedValue;
        return;
      }
      const label = `data source ${configuration.dataSourceId} (${configuration.type})`;
      const handler: DataSourceHandler | undefined = bundle.dataSources[configuration.type];
      if (handler === undefined) {
        failures.push(`${label}: the bundle has no data source of this type`);
        return;
      }
      try {
        const usingTastics = tasticsUsing(rendered.folder, configuration.dataSourceId);
        const result = await runExtension(label, () =>
          handler(JSON.parse(JSON.stringify(configuration)) as typeof configuration, {
            frontasticContext: JSON.parse(JSON.stringify(frontasticContext)) as FrontasticContext,
            pageFolder: JSON.parse(pageFolderJson) as unknown,
            page: JSON.parse(pageJson) as unknown,
            usingTastics,
            request: requestFor(),
            isPreview: false,
          }),
        );
        if (typeof result !== 'object' || result === null || !('dataSourcePayload' in result)) {
          failures.push(`${label}: returned no dataSourcePayload`);
          return;
        }
        payloads[configuration.dataSourceId] = (result as { dataSourcePayload: unknown }).dataSourcePayload;
      } catch (error) {
        failures.push(`${label}: ${describe(error)}`);
      }
    }),
  );
  return { payloads, failures };
}
