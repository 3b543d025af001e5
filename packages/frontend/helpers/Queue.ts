import { createBrowserQueue, DEFAULT_LOCK_NAME } from '@ctp-session/action-queue';

export {
  ActionQueue,
  QueueAbortedError,
  QueueClearedError,
  QueueError,
  QueueTimeoutError,
  QueueTurnEndedError,
  type ActionQueueOptions,
  type AddOptions,
  type QueueTask,
  type RunInTurn,
} from '@ctp-session/action-queue';

/** The name of the Web Lock that orders the store's actions across the tabs of a browser. */
export const ACTION_QUEUE_LOCK = DEFAULT_LOCK_NAME;

/**
 * The one queue every session-reading and -writing action of the store goes through, browser-wide
 * (@ctp-session/action-queue). The turn passes to another tab only once the browser's cookie store holds
 * the session this tab wrote.
 */
export const actionQueue = createBrowserQueue();
