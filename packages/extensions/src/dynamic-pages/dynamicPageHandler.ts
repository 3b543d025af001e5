import { headerValue, type ActionRequest, type DynamicPageContext, type DynamicPageHandler, type DynamicPageResult } from '@ctp-session/session';
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
  const sku = PRODUCT_PATH.exec(path)?.[1];
  if (sku !== undefined) {
    const product = await readProduct(scope, decodeURIComponent(sku));
    return product === undefined ? null : { dynamicPageType: 'commercetools/product', dataSourcePayload: { product } };
  }
  return null;
};

function redirect(location: string): DynamicPageResult {
  return { redirectLocation: location, statusCode: 302 };
}
