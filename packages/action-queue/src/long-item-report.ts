/** After how long a running item that holds others up is reported (development builds only). */
export const LONG_ITEM_REPORT_MS = 5_000;

export function longItemMessage(ms: number, waitingHere: number, waitingElsewhere: number): string {
  const where = [waitingHere > 0 ? `${waitingHere} in this tab` : '', waitingElsewhere > 0 ? `${waitingElsewhere} in other tabs` : '']
    .filter(Boolean)
    .join(' and ');
  return (
    `actionQueue: an action has held the queue for ${(ms / 1000).toFixed(0)} s while others wait (${where}). ` +
    'The likely cause: it awaits an actionQueue.add() it made after an await, and that item waits behind the action ' +
    'itself until the action times out. Use the run helper the task receives instead: ' +
    'actionQueue.add(async (signal, run) => { await …; return run(inner); }). A slow action should get a timeoutMs.'
  );
}

/**
 * Watches one running item: once it has run for `ms` and items wait (in this tab, or in another one,
 * asked again every `ms` while the item runs), `report` is called, once.
 */
export class LongItemWatch {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #overdue = false;
  #done = false;
  /** A question to the other tabs is under way. */
  #asking = false;

  constructor(
    private readonly ms: number,
    private readonly waitingHere: () => number,
    private readonly waitingElsewhere: () => Promise<number>,
    private readonly report: (message: string) => void,
  ) {
    this.#timer = setTimeout(() => {
      this.#overdue = true;
      this.check();
    }, ms);
  }

  /** Called when the item has run long enough and whenever an item is added after that. */
  check(): void {
    if (!this.#overdue || this.#done) return;
    const here = this.waitingHere();
    if (here > 0) {
      this.#reportOnce(here, 0);
      return;
    }
    if (this.#asking) return;
    this.#asking = true;
    void this.waitingElsewhere().then(
      (elsewhere) => {
        this.#asking = false;
        if (elsewhere > 0) this.#reportOnce(0, elsewhere);
        // Another tab's add calls no check here: look again later, as long as the item runs.
        else if (!this.#done) this.#timer = setTimeout(() => this.check(), this.ms);
      },
      () => {
        this.#asking = false;
      },
    );
  }

  stop(): void {
    this.#done = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  #reportOnce(here: number, elsewhere: number): void {
    if (this.#done) return;
    this.#done = true;
    this.report(longItemMessage(this.ms, here, elsewhere));
  }
}
