import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PushEvents } from '../../../../shared/contract';
import { usePushEvent } from '../../api';
import { useT } from '../../i18n';
import { useRefreshSync } from './api';

export type LiveProgress = PushEvents['sync.progress'];

/**
 * The latest progress of each running sync, by store, from 'sync.progress'
 * events; 'sync.finished' clears it, refetches the status and tells the
 * merchant how the run ended.
 */
export function useLiveProgress(storeName: (storeId: number) => string): Map<number, LiveProgress> {
  const t = useT();
  const refresh = useRefreshSync();
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
    refresh();
    const store = storeName(event.storeId);
    notifications.show({
      color: event.status === 'succeeded' ? 'teal' : event.status === 'cancelled' ? 'gray' : 'red',
      title: t(`sync.finished.${event.status}`, { store }),
      message: event.message ?? t(`sync.finished.${event.status}Body`),
      'data-testid': 'sync-finished-notice',
      'data-status': event.status,
    } as Parameters<typeof notifications.show>[0]);
  });
  return progress;
}
