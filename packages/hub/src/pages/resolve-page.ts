import type { ExtensionBundle, ExtensionRequest, FrontasticContext } from '../bundle/extension-types.js';
import { findDynamicFolder, findStaticFolder } from './find-page-folder.js';
import type { RenderedFolder } from './page-response.js';
import type { StudioData } from './studio-data.js';

export type PageOutcome =
  | { kind: 'page'; rendered: RenderedFolder }
  | { kind: 'redirect'; body: Record<string, unknown> }
  | { kind: 'not-found'; message: string }
  | { kind: 'invalid'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dynamic page handler results, as the platform reads them. */
function outcomeOfDynamicResult(studio: StudioData, result: unknown, path: string): PageOutcome {
  if (result === null || result === undefined) return { kind: 'not-found', message: `No page for "${path}": no static page folder has this path and the dynamic page handler returned null.` };
  if (!isRecord(result)) return { kind: 'invalid', message: `The dynamic page handler returned ${typeof result}; return { dynamicPageType, dataSourcePayload }, { redirectLocation } or null.` };
  if (typeof result['redirectLocation'] === 'string') {
    // RedirectResponse of the frontend-sdk: answered with 200 so the SDK hands it to the page renderer.
    const statusCode = typeof result['statusCode'] === 'number' ? result['statusCode'] : 301;
    return { kind: 'redirect', body: { statusCode, reason: 'dynamic page redirect', targetType: 'link', target: result['redirectLocation'] } };
  }
  if (typeof result['dynamicPageType'] === 'string') {
    const folder = findDynamicFolder(studio, result['dynamicPageType']);
    if (folder === undefined) {
      return { kind: 'not-found', message: `The dynamic page handler matched "${result['dynamicPageType']}" but no page folder in the Studio pages has that dynamicPageType; add one.` };
    }
    return { kind: 'page', rendered: { folder, masterPayload: result['dataSourcePayload'] } };
  }
  return { kind: 'invalid', message: 'The dynamic page handler result has neither dynamicPageType nor redirectLocation.' };
}

export interface ResolvePageInput {
  readonly studio: StudioData;
  readonly bundle: ExtensionBundle;
  readonly path: string;
  readonly frontasticContext: FrontasticContext;
  readonly requestFor: () => ExtensionRequest;
  /** Calls into bundle code within the hub's limits (see `runExtension`). */
  readonly runExtension: (what: string, run: () => unknown) => Promise<unknown>;
}

/** A static folder with this path, else whatever the dynamic page handler makes of it. */
export async function resolvePage(input: ResolvePageInput): Promise<PageOutcome> {
  const folder = findStaticFolder(input.studio, input.path);
  if (folder !== undefined) return { kind: 'page', rendered: { folder } };
  const handler = input.bundle.dynamicPageHandler;
  if (handler === undefined) return { kind: 'not-found', message: `No page for "${input.path}": no static page folder has this path and the bundle has no dynamic page handler.` };
  const result = await input.runExtension('dynamic page handler', () => handler(input.requestFor(), { frontasticContext: input.frontasticContext, request: input.requestFor() }));
  return outcomeOfDynamicResult(input.studio, result, input.path);
}
