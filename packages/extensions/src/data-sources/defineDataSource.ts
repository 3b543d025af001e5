import type { DataSourceConfiguration, DataSourceContext, DataSourceHandler } from '@ctp-session/session';
import { toExtensionError } from '../commercetools/http/toExtensionError.js';
import { ReadScope } from '../read/ReadScope.js';
import { errorBody } from '../utils/json.js';

/**
 * Every data source is built here. It gets a read-only session (there is no way to write one from a
 * data source) and its failures become an `{ error: { code, message } }` payload, so one failing data
 * source does not take the whole page down.
 */
export function defineDataSource(
  run: (scope: ReadScope, configuration: Readonly<Record<string, unknown>>) => Promise<unknown>,
): DataSourceHandler {
  return async (config: DataSourceConfiguration, context: DataSourceContext) => {
    try {
      const scope = new ReadScope(context.request, context.frontasticContext);
      return { dataSourcePayload: await run(scope, config.configuration ?? {}) };
    } catch (error) {
      const answer = toExtensionError(error);
      console.error(`[extensions] data source ${config.type}: ${answer.code}: ${answer.message}`);
      return { dataSourcePayload: errorBody(answer) };
    }
  };
}
