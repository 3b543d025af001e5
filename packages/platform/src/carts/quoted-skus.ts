import type { ProductProjection } from '@commercetools/platform-sdk';
import { apiError } from '../errors.js';
import { isObject, type JsonObject } from '../http/body.js';
import type { MockGateway } from '../mock/gateway.js';

/**
 * The mock finds a line item's SKU by pasting it into a query predicate, so a `"` in a SKU breaks its
 * query (a 400 about an unexpected token, where commercetools answers "unknown SKU"). Such SKUs are
 * looked up here with the SKU bound as a variable and sent on as productId + variantId; an unknown one
 * gets exactly the mock's own unknown-SKU answer.
 */
export async function resolveQuotedSkus<T extends JsonObject>(gateway: MockGateway, items: readonly T[]): Promise<T[]> {
  return Promise.all(items.map(async (item) => (needsLookup(item) ? { ...item, ...(await variantOf(gateway, item.sku as string)) } : item)));
}

function needsLookup(item: JsonObject): boolean {
  return typeof item.sku === 'string' && item.sku.includes('"') && (item.action === undefined || item.action === 'addLineItem');
}

async function variantOf(gateway: MockGateway, sku: string): Promise<{ sku?: undefined; productId: string; variantId: number }> {
  const [product] = await gateway.queryAll<ProductProjection>('product-projections', [{ where: 'masterVariant(sku = :sku) or variants(sku = :sku)', vars: { sku } }]);
  const variant = product && [product.masterVariant, ...product.variants].find((candidate) => candidate.sku === sku);
  if (!product || !variant) throw apiError(400, 'General', `A product containing a variant with SKU '${sku}' not found.`);
  return { sku: undefined, productId: product.id, variantId: variant.id };
}

/** The line item drafts of a CartDraft, or the actions of an update, with quoted SKUs resolved. */
export async function withQuotedSkusResolved(gateway: MockGateway, body: JsonObject, field: 'lineItems' | 'actions'): Promise<JsonObject> {
  const items = body[field];
  if (!Array.isArray(items) || !items.some((item) => isObject(item) && needsLookup(item))) return body;
  return { ...body, [field]: await resolveQuotedSkus(gateway, items.filter(isObject)) };
}
