import type { ApiContext } from '../context.js';
import { apiError, invalidJson, resourceNotFound } from '../errors.js';
import { jsonObjectBody } from '../http/body.js';
import type { Router } from '../http/router.js';
import type { Params, PlatformRequest, PlatformResponse } from '../http/types.js';
import { hasPassword, storedPasswordOf } from './credentials.js';
import { checkVersion, requiredString } from './email-verification.js';

/**
 * `POST /customers/password` (CustomerChangePassword: `{ id, version, currentPassword, newPassword }`), which
 * the mock lacks (it took "password" for a customer id). A wrong current password is 400 InvalidCurrentPassword.
 */
export function registerPasswordChangeRoute(router: Router<ApiContext>): void {
  router.add('POST', '/:projectKey/customers/password', changePassword);
}

async function changePassword(request: PlatformRequest, _params: Params, ctx: ApiContext): Promise<PlatformResponse> {
  const body = jsonObjectBody(request);
  const id = requiredString(body, 'id');
  if (body.version === undefined) throw invalidJson('version: Missing required value');
  const currentPassword = requiredString(body, 'currentPassword');
  const newPassword = requiredString(body, 'newPassword');
  const customer = await ctx.gateway.findCustomer(id);
  if (!customer) throw resourceNotFound(`The Customer with ID '${id}' was not found.`);
  checkVersion(body, customer);
  if (!hasPassword(customer, currentPassword)) throw apiError(400, 'InvalidCurrentPassword', 'The given current password does not match.');
  await ctx.gateway.saveCustomer(customer, { password: storedPasswordOf(newPassword) });
  return ctx.gateway.forward('GET', `/customers/${customer.id}`, '');
}
