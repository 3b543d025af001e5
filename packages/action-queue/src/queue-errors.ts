/** Base class of every error the action queue rejects with; `code` is stable, match on it. */
export abstract class QueueError extends Error {
  abstract readonly code: string;
}

/** A waiting item was dropped by `clear()` before it started. */
export class QueueClearedError extends QueueError {
  readonly code = 'QUEUE_CLEARED';
  override readonly name = 'QueueClearedError';
  constructor() {
    super('The queue was cleared before this action started; it was not run. Add it again if it is still wanted.');
  }
}

/** The item's own AbortSignal fired, while it waited (it never ran) or while it ran (its signal was aborted). */
export class QueueAbortedError extends QueueError {
  readonly code = 'QUEUE_ITEM_ABORTED';
  override readonly name = 'QueueAbortedError';
  constructor(readonly started: boolean, cause: unknown) {
    super(
      started
        ? 'The action was aborted while it ran: the session may or may not hold its result; reload before retrying.'
        : 'The action was aborted before it started; nothing was sent.',
      { cause },
    );
  }
}

/** The running item took longer than its timeout; its signal was aborted before the next item started. */
export class QueueTimeoutError extends QueueError {
  readonly code = 'QUEUE_ITEM_TIMEOUT';
  override readonly name = 'QueueTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The action did not finish within ${timeoutMs} ms and was aborted. Retry it, or raise timeoutMs for a slow action.`);
  }
}

/** The run helper of an item was called after that item's turn had ended (its task and every nested item had settled). */
export class QueueTurnEndedError extends QueueError {
  readonly code = 'QUEUE_TURN_ENDED';
  override readonly name = 'QueueTurnEndedError';
  constructor() {
    super("This run() came after its item's turn had ended, so the action was not run: call run() before the task finishes, or queue it with add().");
  }
}
