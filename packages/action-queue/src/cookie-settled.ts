/** The frontend-sdk's session cookie: the one cookie every tab of the browser shares. */
export const SESSION_COOKIE = 'frontastic-session';

/** The part of the Cookie Store API (`cookieStore`) used here; this package is also compiled for Node. */
export interface CookieStoreReader {
  get(name: string): Promise<{ value?: string } | null | undefined>;
}

export interface CookieSettledOptions {
  /** Default: `document` in a browser. */
  document?: { readonly cookie: string };
  /** Default: the browser's `cookieStore`. */
  cookieStore?: CookieStoreReader;
  /** How many times to look before giving up. Default 50. */
  maxChecks?: number;
}

/**
 * The raw values `document.cookie` lists for `name` (one per path, most specific first). Raw, not decoded,
 * because the Cookie Store API answers raw values too; a split is all that takes, and this package has no
 * dependencies (a cookie library would be most of its size).
 */
export function cookieValues(cookieHeader: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim());
  }
  return values;
}

/**
 * Resolves (to true) once the browser's cookie store, which every tab reads, holds the value this document shows
 * for `name` (or holds none when the document shows none). A `document.cookie` write reaches that store
 * asynchronously, on another channel than the Web Lock's release, so a tab that takes the turn right
 * after could still read the session from before. Resolves at once where there is no Cookie Store API
 * (Node, server rendering, browsers without it) and when the store cannot be read, and gives up after
 * `maxChecks` looks a macrotask apart: both resolve to false.
 */
export async function cookieSettled(name: string, options: CookieSettledOptions = {}): Promise<boolean> {
  const scope = globalThis as { document?: { readonly cookie: string }; cookieStore?: CookieStoreReader };
  const doc = options.document ?? scope.document;
  const store = options.cookieStore ?? scope.cookieStore;
  if (doc === undefined || store === undefined) return false;
  const maxChecks = options.maxChecks ?? 50;
  for (let check = 0; check < maxChecks; check++) {
    let held: string | undefined;
    try {
      held = (await store.get(name))?.value ?? undefined;
    } catch {
      return false;
    }
    const shown = cookieValues(doc.cookie, name);
    if (held === undefined ? shown.length === 0 : shown.includes(held)) return true;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return false;
}
