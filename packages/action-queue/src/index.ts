export { ActionQueue, type ActionQueueOptions, type AddOptions, type QueueTask, type RunInTurn } from './action-queue';
export { createBrowserQueue, DEFAULT_LOCK_NAME } from './browser-queue';
export { cookieSettled, SESSION_COOKIE, type CookieSettledOptions, type CookieStoreReader } from './cookie-settled';
export { QueueAbortedError, QueueClearedError, QueueError, QueueTimeoutError, QueueTurnEndedError } from './queue-errors';
export {
  DEFAULT_ACTION_TIMEOUT_MS,
  queueCallAction,
  type QueueableSdk,
  type QueueCallActionOptions,
  type SdkCallOptions,
  type SdkCallResult,
} from './queue-call-action';
export { SessionEndedError, type SessionEndReason } from './session-ended-error';
