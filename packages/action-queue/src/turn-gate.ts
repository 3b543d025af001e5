/**
 * Who else an item must wait for before it runs. The queue of a tab already runs its own items one at
 * a time; a gate adds the other tabs and windows of the browser that share the session cookie.
 */
export interface TurnGate {
  /** `browser`: items wait for every tab of the origin; `tab`: only for this tab's own. */
  readonly scope: 'browser' | 'tab';
  /**
   * Asks for the turn. `granted` is called once it is this caller's, with the function that gives it
   * back. Returns a cancel for a turn not granted yet (a granted one must be given back instead).
   */
  acquire(granted: (release: () => void) => void): () => void;
  /** How many requests for the turn other tabs have waiting (0 where it cannot be known). */
  waitingElsewhere(): Promise<number>;
}

/**
 * The part of the Web Locks API (`navigator.locks`) the gate uses, declared here because this module is
 * also compiled for Node (benchmarks, reliability runs) without the DOM library.
 */
export interface WebLockManager {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void> | undefined): Promise<unknown>;
  query(): Promise<{ pending?: ReadonlyArray<{ name?: string }> }>;
}

const nothing = (): void => undefined;

/** This tab only: the turn is granted at once (synchronously), so an idle queue starts an item inside `add`. */
export const IN_TAB_GATE: TurnGate = {
  scope: 'tab',
  acquire(granted) {
    granted(nothing);
    return nothing;
  },
  waitingElsewhere: () => Promise.resolve(0),
};

/**
 * The Web Locks API: one exclusive lock per origin, granted in the order it was requested, released
 * when the holder gives it back or its tab closes or crashes. Each tab asks for it once per item, so
 * tabs with items waiting take turns one item at a time and none is starved.
 */
export class WebLocksGate implements TurnGate {
  #locks: WebLockManager | undefined;

  constructor(
    locks: WebLockManager,
    readonly lockName: string,
  ) {
    this.#locks = locks;
  }

  get scope(): 'browser' | 'tab' {
    return this.#locks === undefined ? 'tab' : 'browser';
  }

  acquire(granted: (release: () => void) => void): () => void {
    const locks = this.#locks;
    if (locks === undefined) return IN_TAB_GATE.acquire(granted);
    const controller = new AbortController();
    let cancelled = false;
    locks
      .request(this.lockName, { signal: controller.signal }, () =>
        cancelled ? undefined : new Promise<void>((release) => granted(() => release())),
      )
      .catch(() => {
        if (cancelled) return; // our own abort of a turn not granted yet
        // The browser refused the lock (an opaque origin, a document being torn down): this tab goes on
        // ordering its own items rather than running none.
        this.#locks = undefined;
        granted(nothing);
      });
    return () => {
      cancelled = true;
      controller.abort();
    };
  }

  async waitingElsewhere(): Promise<number> {
    const snapshot = await this.#locks?.query();
    return snapshot?.pending?.filter((request) => request.name === this.lockName).length ?? 0;
  }
}

/** The browser's Web Locks, or undefined on the server, in Node and where a browser has none (old, or not a secure context). */
export function browserLocks(): WebLockManager | undefined {
  const { window, navigator } = globalThis as { window?: unknown; navigator?: { locks?: WebLockManager } };
  // `window` too: Node 22+ has a `navigator`, and a server-side queue must never serialise every shopper.
  if (window === undefined || navigator === undefined) return undefined;
  return navigator.locks ?? undefined;
}
