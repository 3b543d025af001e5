import { ConflictError, ExtensionError, NotFoundError, PlatformError } from '../../errors.js';
import { CommercetoolsApiError } from './CommercetoolsApiError.js';

/**
 * The one place where a commercetools error answer becomes what the shopper is told. API wrappers
 * handle the cases they understand better (an unknown SKU, wrong credentials) before this.
 */
export function toExtensionError(error: unknown): ExtensionError {
  if (error instanceof ExtensionError) return error;
  if (error instanceof CommercetoolsApiError) {
    if (error.status === 404) return new NotFoundError(`commercetools has no such resource (${error.code}).`);
    if (error.status === 409) return new ConflictError('The cart was changed at the same time by another request. Reload it and try again.');
    return new PlatformError(`commercetools refused the request (${error.status} ${error.code}). Try again; if it keeps failing, check the extension's commercetools settings.`);
  }
  return new PlatformError('Something went wrong while talking to commercetools. Try again in a moment.');
}
