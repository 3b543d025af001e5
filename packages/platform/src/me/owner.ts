import type { Principal } from '../auth/principal.js';
import { insufficientScope } from '../errors.js';
import type { Predicate } from '../mock/gateway.js';

/** Whose carts and orders a /me/* call may see: a customer, or a guest's anonymous session. */
export type Owner = { readonly customerId: string } | { readonly anonymousId: string };

interface Owned {
  readonly customerId?: string;
  readonly anonymousId?: string;
}

export function ownerOf(principal: Principal): Owner {
  if (principal.kind === 'customer') return { customerId: principal.customerId };
  if (principal.kind === 'anonymous') return { anonymousId: principal.anonymousId };
  throw insufficientScope('This endpoint needs a customer (password flow) or anonymous session access token.');
}

// Once a guest's cart or order is assigned to a customer (sign-in, sign-up) the guest token no longer sees it.
export function owns(owner: Owner, resource: Owned): boolean {
  if ('customerId' in owner) return resource.customerId === owner.customerId;
  return resource.anonymousId === owner.anonymousId && resource.customerId === undefined;
}

export function ownerPredicate(owner: Owner): Predicate {
  if ('customerId' in owner) return { where: 'customerId = :ownerId', vars: { ownerId: owner.customerId } };
  return { where: 'anonymousId = :ownerId and customerId is not defined', vars: { ownerId: owner.anonymousId } };
}

export const anonymousSessionPredicate = (anonymousId: string): Predicate =>
  ownerPredicate({ anonymousId });

export const customerPredicate = (customerId: string): Predicate => ownerPredicate({ customerId });
