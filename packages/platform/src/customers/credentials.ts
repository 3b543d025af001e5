import type { Customer } from '@commercetools/platform-sdk';
import type { MockGateway } from '../mock/gateway.js';

/**
 * The customer with this email (case-insensitive, as on commercetools) and password, if any.
 * The email is bound as a predicate variable so no input can change the query.
 */
export async function findCustomerByCredentials(
  gateway: MockGateway,
  email: string,
  password: string,
): Promise<Customer | undefined> {
  const [customer] = await gateway.queryAll<Customer>('customers', [
    { where: 'lowercaseEmail = :email', vars: { email: email.toLowerCase() } },
  ]);
  return customer && hasPassword(customer, password) ? customer : undefined;
}

export const hasPassword = (customer: Customer, password: string): boolean =>
  customer.password !== undefined && customer.password === storedPasswordOf(password);

// The mock keeps passwords as base64 of the clear text (lib/password.ts in 4.4.0); compare the same way.
export function storedPasswordOf(password: string): string {
  return Buffer.from(password).toString('base64');
}
