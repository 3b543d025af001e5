import { invalidJson } from '../errors.js';
import { isObject, type JsonObject } from '../http/body.js';

export interface CartUpdate {
  readonly version: number;
  readonly actions: readonly JsonObject[];
}

// Actions a shopper's own token may not use on /me/carts: they would move the cart to someone else
// or let the shopper set prices (commercetools' MyCartUpdateAction list leaves them out).
const NOT_FOR_SHOPPERS = new Set([
  'setCustomerId',
  'setAnonymousId',
  'setCustomerGroup',
  'setLineItemPrice',
  'setLineItemTotalPrice',
  'setDirectDiscounts',
  'changeTaxMode',
  'setCustomShippingMethod',
]);

type FieldCheck = (value: unknown) => string | undefined;

const optional =
  (check: FieldCheck): FieldCheck =>
  (value) =>
    value === undefined ? undefined : check(value);
const string: FieldCheck = (value) => (value === undefined ? 'Missing required value' : typeof value === 'string' ? undefined : 'JSON String expected.');
const integerAtLeast =
  (min: number): FieldCheck =>
  (value) => {
    if (value === undefined) return 'Missing required value';
    if (typeof value !== 'number') return 'JSON Number expected.';
    return Number.isInteger(value) && value >= min ? undefined : `Value must be an integer >= ${min}.`;
  };
const address: FieldCheck = (value) => {
  if (!isObject(value)) return 'JSON object expected.';
  return typeof value.country === 'string' && /^[A-Z]{2}$/.test(value.country)
    ? undefined
    : 'country: a two-letter ISO 3166 country code (e.g. "DE") is required.';
};

// Field checks for the actions the store uses; the mock handles the rest as it always did.
const ACTION_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldCheck>>>> = {
  addLineItem: { sku: optional(string), productId: optional(string), variantId: optional(integerAtLeast(1)), quantity: optional(integerAtLeast(1)) },
  changeLineItemQuantity: { lineItemId: optional(string), lineItemKey: optional(string), quantity: integerAtLeast(0) },
  removeLineItem: { lineItemId: optional(string), lineItemKey: optional(string), quantity: optional(integerAtLeast(1)) },
  setShippingAddress: { address: optional(address) },
};

/** Checks a cart update request; throws 400 InvalidJsonInput in commercetools' words. */
export function validateCartUpdate(body: JsonObject, forShopper: boolean): CartUpdate {
  const { version, actions } = body;
  if (version === undefined) throw invalidJson('version: Missing required value');
  if (typeof version !== 'number' || !Number.isInteger(version)) throw invalidJson('version: JSON Number expected.');
  if (!Array.isArray(actions)) throw invalidJson('actions: JSON Array expected.');
  actions.forEach((action, index) => checkAction(action, index, forShopper));
  return { version, actions: actions as JsonObject[] };
}

function checkAction(action: unknown, index: number, forShopper: boolean): void {
  const at = `actions.${index}`;
  if (!isObject(action)) throw invalidJson(`${at}: JSON object expected.`);
  if (typeof action.action !== 'string') throw invalidJson(`${at}.action: Missing required value`);
  if (forShopper && NOT_FOR_SHOPPERS.has(action.action)) {
    throw invalidJson(`${at}.action: '${action.action}' is not available on /me/carts.`);
  }
  const fields = ACTION_FIELDS[action.action];
  if (!fields) return;
  for (const [field, check] of Object.entries(fields)) {
    const problem = check(action[field]);
    if (problem) throw invalidJson(`${at}.${field}: ${problem}`);
  }
  if (action.action === 'addLineItem' && action.sku === undefined && action.productId === undefined) {
    throw invalidJson(`${at}: addLineItem needs a sku or a productId.`);
  }
  if (action.action !== 'addLineItem' && action.action !== 'setShippingAddress' && action.lineItemId === undefined && action.lineItemKey === undefined) {
    throw invalidJson(`${at}.lineItemId: Missing required value`);
  }
}
