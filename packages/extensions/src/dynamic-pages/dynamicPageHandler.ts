import { headerValue, type ActionRequest, type DynamicPageContext, type DynamicPageHandler, type DynamicPageResult } from '@ctp-session/session';
import { toExtensionError } from '../commercetools/http/toExtensionError.js';
import { ReadScope } from '../read/ReadScope.js';
import { readAccount, readCart, readLastOrder, readProduct } from '../read/readModels.js';

const PRODUCT_PATH = /^\/p\/([^/]+)\/?$/;

/** The page path: `query.path` on the platform, the `Frontastic-Path` header otherwise. */
function pathOf(request: ActionRequest): string {
  const fromQuery = request.query.path;
  const path = (typeof fromQuery === 'string' ? fromQuery : undefined) ?? headerValue(request, 'frontastic-path') ?? request.path;
  return path.split('?')[0] ?? '/';
}

/**
 * `/cart`, `/thank-you`, `/account` and `/p/{sku}`. Reads the session only; null means "not a dynamic
 * page of ours" and lets the hub answer 404.
 */
export const dynamicPageHandler: DynamicPageHandler = async (request: ActionRequest, context: DynamicPageContext): Promise<DynamicPageResult> => {
  try {
    return await resolvePage(request, context);
  } catch (error) {
    // The hub answers a throwing handler with a 500 quoting the error: make that our code and words.
    const answer = toExtensionError(error);
    console.error(`[extensions] dynamic page ${pathOf(request)}: ${answer.code}: ${answer.message}`);
    throw new DynamicPageError(answer.code, answer.message);
  }
};

/** What the hub reports when a page could not be resolved: our error code and message, nothing upstream. */
export class DynamicPageError extends Error {
  override readonly name = 'DynamicPageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

async function resolvePage(request: ActionRequest, context: DynamicPageContext): Promise<DynamicPageResult> {
  const path = pathOf(request);
  const scope = new ReadScope(request, context.frontasticContext);
  if (path === '/cart') return { dynamicPageType: 'commercetools/cart', dataSourcePayload: await readCart(scope) };
  if (path === '/thank-you') {
    const order = await readLastOrder(scope);
    return order === undefined ? redirect('/') : { dynamicPageType: 'commercetools/order-confirmation', dataSourcePayload: { order } };
  }
  if (path === '/account') {
    const account = await readAccount(scope);
    return account.loggedIn ? { dynamicPageType: 'commercetools/account', dataSourcePayload: account } : redirect('/login');
  }
  const segment = PRODUCT_PATH.exec(path)?.[1];
  const sku = segment === undefined ? undefined : decodedOrUndefined(segment);
  if (sku !== undefined) {
    const product = await readProduct(scope, sku);
    return product === undefined ? null : { dynamicPageType: 'commercetools/product', dataSourcePayload: { product } };
  }
  return null;
}

/** A bad escape (`%zz`) names no product: the page does not exist. */
function decodedOrUndefined(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function redirect(location: string): DynamicPageResult {
  return { redirectLocation: location, statusCode: 302 };
}
