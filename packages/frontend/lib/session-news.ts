/**
 * A cookie the server sets when it wrote the session outside the browser-wide queue: a form sent without
 * JavaScript, a confirmation link. Tabs with JavaScript watch it (Cookie Store API) to fetch again what depends
 * on the session; the queue's own writes are told on the BroadcastChannel instead, and reads never touch it,
 * so no tab reacts to its own work or to a read.
 */
export const SESSION_NEWS_COOKIE = 'ctp-session-news';

/** The part of the Cookie Store API's change event used here. */
interface CookieChange {
  changed?: ReadonlyArray<{ name?: string }>;
  deleted?: ReadonlyArray<{ name?: string }>;
}

interface CookieStoreEvents {
  addEventListener(type: 'change', listener: (event: CookieChange) => void): void;
  removeEventListener(type: 'change', listener: (event: CookieChange) => void): void;
}

/**
 * Calls `listener` whenever the server sets the news cookie, in this tab's browser by any tab or page load;
 * returns the unsubscribe function. Does nothing where there is no Cookie Store API (such a browser's tabs
 * see a form's write at their next page load).
 */
export function onSessionNews(listener: () => void): () => void {
  const store = (globalThis as { cookieStore?: CookieStoreEvents }).cookieStore;
  if (store === undefined) return () => undefined;
  const onChange = (event: CookieChange) => {
    if ([...(event.changed ?? []), ...(event.deleted ?? [])].some((cookie) => cookie.name === SESSION_NEWS_COOKIE)) listener();
  };
  store.addEventListener('change', onChange);
  return () => store.removeEventListener('change', onChange);
}
