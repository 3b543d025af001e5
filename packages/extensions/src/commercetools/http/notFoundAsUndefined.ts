import { CommercetoolsApiError } from './CommercetoolsApiError.js';

function isAnswer(error: unknown, statuses: readonly number[]): boolean {
  return error instanceof CommercetoolsApiError && statuses.includes(error.status);
}

/** Runs a read; a 404 from commercetools means "there is none" rather than an error. */
export async function notFoundAsUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isAnswer(error, [404])) return undefined;
    throw error;
  }
}

/**
 * A shopper's read: a 404, or a 401 that is left after the token could not be renewed (revoked, the session
 * ended), means the shopper can see nothing there, so it reads as "there is none".
 */
export async function outOfReachAsUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isAnswer(error, [401, 404])) return undefined;
    throw error;
  }
}
