import type { SessionEndReason } from './session-ended-error';

export type { SessionEndReason } from './session-ended-error';

/**
 * Session news between the tabs of a browser (BroadcastChannel): a write in one tab makes the others
 * fetch again what depends on the session; an ended session (logout, expiry) signs every tab out.
 * Listeners hear this tab's own news too, with `elsewhere: false`.
 */
export type SessionEvent = { kind: 'changed' } | { kind: 'ended'; reason: SessionEndReason };

export type SessionListener = (event: SessionEvent, elsewhere: boolean) => void;

export const SESSION_CHANNEL = 'ctp-session';

const listeners = new Set<SessionListener>();
/** undefined: not opened yet; null: this runtime has no BroadcastChannel (server rendering, Node). */
let channel: BroadcastChannel | null | undefined;

function emit(event: SessionEvent, elsewhere: boolean): void {
  for (const listener of [...listeners]) listener(event, elsewhere);
}

/** Another tab's message, checked: anything of another shape (another app on the origin) is ignored. */
function parseEvent(data: unknown): SessionEvent | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, reason } = data as { kind?: unknown; reason?: unknown };
  if (kind === 'changed') return { kind };
  if (kind === 'ended' && (reason === 'logout' || reason === 'expired')) return { kind, reason };
  return undefined;
}

function open(): BroadcastChannel | undefined {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL);
    // Node's BroadcastChannel (tests, tools) would otherwise keep the process alive; browsers have no unref.
    (channel as { unref?: () => void } | null)?.unref?.();
    channel?.addEventListener('message', (message: MessageEvent<unknown>) => {
      const event = parseEvent(message.data);
      if (event !== undefined) emit(event, true);
    });
  }
  return channel ?? undefined;
}

/** Tells this tab's listeners at once, and every other tab of the browser. */
export function announceSessionEvent(event: SessionEvent): void {
  emit(event, false);
  open()?.postMessage(event);
}

/** Listens to this tab's and the other tabs' session news; returns the unsubscribe function. */
export function onSessionEvent(listener: SessionListener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
