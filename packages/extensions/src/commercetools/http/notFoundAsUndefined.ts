import { CommercetoolsApiError } from './CommercetoolsApiError.js';

/** Runs a read; a 404 from commercetools means "there is none" rather than an error. */
export async function notFoundAsUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CommercetoolsApiError && error.status === 404) return undefined;
    throw error;
  }
}
