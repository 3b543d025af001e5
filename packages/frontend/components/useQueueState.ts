'use client';

import { useSyncExternalStore } from 'react';
import { actionQueue } from '../helpers/Queue';

const subscribe = (listener: () => void) => actionQueue.subscribe(listener);
const busy = () => actionQueue.pending + actionQueue.size;
const idleOnServer = () => 0;

/** How many actions are running or waiting (0 when idle); re-renders on every change of the queue. */
export function useQueueLength(): number {
  return useSyncExternalStore(subscribe, busy, idleOnServer);
}
