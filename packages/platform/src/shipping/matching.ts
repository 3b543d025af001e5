import type { Location, ShippingMethod, ShippingRate, ShippingRatePriceTier, Zone, ZoneRate } from '@commercetools/platform-sdk';

export interface MatchCriteria {
  readonly country: string;
  readonly state?: string;
  /** Only rates in this currency match (always set for a cart: its currency). */
  readonly currency?: string;
  /** The cart's total, for CartValue price tiers. */
  readonly cartTotalCentAmount?: number;
}

/**
 * The shipping methods that ship to a location, as commercetools' matching endpoints answer them:
 * - only active methods without a `predicate` (cart predicates are not evaluated here, so a method with one never matches);
 * - each keeps only the zone rates of zones that contain the location, and of those only the rates in the
 *   requested currency (all of them without one), each flagged `isMatching: true`;
 * - a method left without a rate is dropped; the default method comes first.
 */
export function matchShippingMethods(methods: readonly ShippingMethod[], zones: readonly Zone[], criteria: MatchCriteria): ShippingMethod[] {
  const zoneIds = new Set(zones.filter((zone) => zone.locations.some((location) => covers(location, criteria))).map((zone) => zone.id));
  const matching = methods
    .filter((method) => method.active !== false && method.predicate === undefined)
    .map((method) => ({ ...method, zoneRates: matchingZoneRates(method.zoneRates, zoneIds, criteria) }))
    .filter((method) => method.zoneRates.length > 0);
  return [...matching.filter((method) => method.isDefault), ...matching.filter((method) => !method.isDefault)];
}

// A location with a state covers that state only; one without covers the whole country.
function covers(location: Location, criteria: MatchCriteria): boolean {
  return location.country === criteria.country && (location.state === undefined || location.state === criteria.state);
}

function matchingZoneRates(zoneRates: readonly ZoneRate[], zoneIds: ReadonlySet<string>, criteria: MatchCriteria): ZoneRate[] {
  return zoneRates
    .filter((zoneRate) => zoneIds.has(zoneRate.zone.id))
    .map((zoneRate) => ({
      ...zoneRate,
      shippingRates: zoneRate.shippingRates
        .filter((rate) => criteria.currency === undefined || rate.price.currencyCode === criteria.currency)
        .map((rate): ShippingRate => ({ ...rate, isMatching: true, tiers: markTiers(rate.tiers, criteria.cartTotalCentAmount) })),
    }))
    .filter((zoneRate) => zoneRate.shippingRates.length > 0);
}

// CartValue tiers: the highest tier the cart's total reaches is the matching one.
function markTiers(tiers: readonly ShippingRatePriceTier[], total: number | undefined): ShippingRatePriceTier[] {
  if (total === undefined) return [...tiers];
  let best: ShippingRatePriceTier | undefined;
  for (const tier of tiers) {
    if (tier.type === 'CartValue' && total >= tier.minimumCentAmount && (best?.type !== 'CartValue' || tier.minimumCentAmount > best.minimumCentAmount)) best = tier;
  }
  return tiers.map((tier) => ({ ...tier, isMatching: tier === best }));
}
