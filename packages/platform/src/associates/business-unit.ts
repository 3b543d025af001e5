import type { BusinessUnit } from '@commercetools/platform-sdk';
import type { PlatformContext } from '../context.js';
import { apiError, resourceNotFound } from '../errors.js';
import { isObject } from '../http/body.js';
import type { Predicate } from '../mock/gateway.js';

const KEY_PREFIX = 'key=';
// A unit's parents are walked for inherited associates; commercetools limits the hierarchy to 5 levels.
const MAX_DEPTH = 5;

/** The business unit key of an `/in-business-unit/key={key}` path segment, or a 404 for any other segment. */
export function businessUnitKeyOf(segment: string): string {
  if (!segment.startsWith(KEY_PREFIX) || segment.length === KEY_PREFIX.length) {
    throw resourceNotFound(`'in-business-unit/${segment}' is not a business unit path: use 'in-business-unit/key={businessUnitKey}'.`);
  }
  return segment.slice(KEY_PREFIX.length);
}

/** A unit by a `key={key}` segment or by id; undefined when there is none. */
async function businessUnitBy(ctx: PlatformContext, segment: string): Promise<BusinessUnit | undefined> {
  const path = segment.startsWith(KEY_PREFIX) ? `key=${encodeURIComponent(segment.slice(KEY_PREFIX.length))}` : encodeURIComponent(segment);
  const answer = await ctx.gateway.send('GET', `/business-units/${path}`);
  return answer.status === 200 && isObject(answer.body) ? (answer.body as unknown as BusinessUnit) : undefined;
}

async function isAssociateOf(ctx: PlatformContext, unit: BusinessUnit, customerId: string): Promise<boolean> {
  let current: BusinessUnit | undefined = unit;
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    if (current.associates.some((associate) => associate.customer.id === customerId)) return true;
    if (current.associateMode !== 'ExplicitAndFromParent' || current.unitType !== 'Division') return false;
    current = await businessUnitBy(ctx, `${KEY_PREFIX}${current.parentUnit.key}`);
  }
  return false;
}

/**
 * The unit of an `/as-associate/{associateId}/in-business-unit/key={key}/…` call, once it is known that the
 * customer is one of its associates (named in it, or inherited from a parent unit): an unknown unit is a 404, a
 * customer who is not an associate a 403 `AssociateMissingPermission`. The roles' permissions are not checked.
 */
export async function businessUnitOfAssociate(ctx: PlatformContext, associateId: string, segment: string): Promise<BusinessUnit> {
  businessUnitKeyOf(segment);
  return associatesUnit(ctx, associateId, segment);
}

/** Like `businessUnitOfAssociate`, for `/as-associate/{associateId}/business-units/{id}` and `…/key={key}`. */
export async function associatesUnit(ctx: PlatformContext, associateId: string, segment: string): Promise<BusinessUnit> {
  const unit = await businessUnitBy(ctx, segment);
  if (unit === undefined) throw resourceNotFound(`The business unit '${segment}' was not found.`);
  if (!(await isAssociateOf(ctx, unit, associateId))) {
    throw apiError(403, 'AssociateMissingPermission', `Customer '${associateId}' is not an associate of business unit '${unit.key}'.`, {
      associate: { typeId: 'customer', id: associateId },
      businessUnit: { typeId: 'business-unit', key: unit.key },
    });
  }
  return unit;
}

/** The units that name the customer as an associate (units that only inherit the customer from a parent are not listed). */
export const associatePredicate = (associateId: string): Predicate => ({ where: 'associates(customer(id = :associateId))', vars: { associateId } });

/** Whether a cart or order belongs to the unit, as its `businessUnit` key reference says. */
export function inBusinessUnit(resource: { readonly businessUnit?: { readonly key?: string } }, unit: BusinessUnit): boolean {
  return resource.businessUnit?.key === unit.key;
}

export const businessUnitPredicate = (unit: BusinessUnit): Predicate => ({ where: 'businessUnit(key = :businessUnitKey)', vars: { businessUnitKey: unit.key } });

export const businessUnitReference = (unit: BusinessUnit) => ({ typeId: 'business-unit' as const, key: unit.key });
