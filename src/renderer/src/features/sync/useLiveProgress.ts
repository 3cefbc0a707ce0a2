import { useState } from 'react';
import type { PushEvents } from '../../../../shared/contract';
import { usePushEvent } from '../../api';

export type LiveProgress = PushEvents['sync.progress'];

/**
 * The latest progress of each running sync, by store, from 'sync.progress'
 * events; 'sync.finished' clears it (the shell's useSyncFinishedNotice says
 * how the run ended, wherever the merchant is).
 */
export function useLiveProgress(): Map<number, LiveProgress> {
  const [progress, setProgress] = useState<Map<number, LiveProgress>>(() => new Map());

  usePushEvent('sync.progress', (event) => {
    setProgress((current) => new Map(current).set(event.storeId, event));
  });
  usePushEvent('sync.finished', (event) => {
    setProgress((current) => {
      const next = new Map(current);
      next.delete(event.storeId);
      return next;
    });
  });
  return progress;
}
