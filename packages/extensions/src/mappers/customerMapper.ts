import type { Customer as CtCustomer } from '@commercetools/platform-sdk';
import type { Customer } from '../types/Account.js';

export function mapCustomer(customer: CtCustomer): Customer {
  return {
    id: customer.id,
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
  };
}
