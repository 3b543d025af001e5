import type { DataSourceHandler, ExtensionBundle, ExtensionRequest, FrontasticContext } from '../bundle/extension-types.js';
import { pageFolderOf, pageOf, tasticsUsing } from './page-response.js';
import type { StudioPageFolder } from './studio-data.js';

export interface DataSourceRun {
  readonly payloads: Record<string, unknown>;
  /** One line per data source that is missing from the bundle, threw, timed out or returned no payload. */
  readonly failures: string[];
}

function describe(error: unknown): string {
  // Duck-typed: errors thrown by the bundle may come from another realm.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Runs every data source of the page folder in parallel, each with read-only session data
 * (whatever a data source returns besides its payload is ignored, as on the platform).
 */
export async function runDataSources(
  bundle: ExtensionBundle,
  folder: StudioPageFolder,
  frontasticContext: FrontasticContext,
  requestFor: () => ExtensionRequest,
  runExtension: (what: string, run: () => unknown) => Promise<unknown>,
): Promise<DataSourceRun> {
  const payloads: Record<string, unknown> = {};
  const failures: string[] = [];
  const page = pageOf(folder);
  const pageFolder = pageFolderOf(folder);
  await Promise.all(
    folder.dataSourceConfigurations.map(async (configuration) => {
      const label = `data source ${configuration.dataSourceId} (${configuration.type})`;
      const handler: DataSourceHandler | undefined = bundle.dataSources[configuration.type];
      if (handler === undefined) {
        failures.push(`${label}: the bundle has no data source of this type`);
        return;
      }
      try {
        const result = await runExtension(label, () =>
          handler({ ...configuration, preloadedValue: null }, { frontasticContext, pageFolder, page, usingTastics: tasticsUsing(folder, configuration.dataSourceId), request: requestFor() }),
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
