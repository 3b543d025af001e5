import type { Fingerprints } from '@ctp-session/extensions/dev-build';

const NAMED = 6;

function list(names: readonly string[]): string {
  const shown = names.slice(0, NAMED).join(', ');
  return names.length > NAMED ? `${shown} and ${names.length - NAMED} more` : shown;
}

/**
 * What a swap changed, in the words of the bundle's registry: `cart/addToCart changed`, `data source
 * commercetools/cart changed; cart/wishlist added`. Entries whose fingerprints are equal run the same code.
 */
export function describeBundleChanges(before: Fingerprints | undefined, after: Fingerprints | undefined): string {
  if (before === undefined || after === undefined) return 'which actions and data sources changed is not known (the registry could not be followed, or the bundle before was an earlier run\'s)';
  const changed = Object.keys(after).filter((name) => before[name] !== undefined && before[name] !== after[name]);
  const added = Object.keys(after).filter((name) => before[name] === undefined);
  const removed = Object.keys(before).filter((name) => after[name] === undefined);
  const parts = [
    ...(changed.length > 0 ? [`${list(changed)} changed`] : []),
    ...(added.length > 0 ? [`${list(added)} added`] : []),
    ...(removed.length > 0 ? [`${list(removed)} removed`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'no action, data source or page handler changed (code they do not use)';
}
