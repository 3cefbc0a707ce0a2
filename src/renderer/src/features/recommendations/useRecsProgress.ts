import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PushEvents } from '../../../../shared/contract';
import { usePushEvent } from '../../api';
import { useT } from '../../i18n';
import { useRefreshRecs } from './api';

export type RecsProgressEvent = PushEvents['recs.progress'];
export interface RecsLiveProgress {
  train: RecsProgressEvent | null;
  evaluate: RecsProgressEvent | null;
}

/**
 * The latest progress of a running training and evaluation, from
 * 'recs.progress' events; 'recs.finished' clears it, refetches everything the
 * area shows and says how the job ended. Held by the page, so progress
 * survives switching tabs.
 */
export function useRecsProgress(): RecsLiveProgress {
  const t = useT();
  const refresh = useRefreshRecs();
  const [progress, setProgress] = useState<RecsLiveProgress>({ train: null, evaluate: null });

  usePushEvent('recs.progress', (event) => setProgress((current) => ({ ...current, [event.job]: event })));
  usePushEvent('recs.finished', (event) => {
    setProgress((current) => ({ ...current, [event.job]: null }));
    refresh();
    const what = event.job === 'train' ? t('recs.job.train') : t('recs.job.evaluate');
    notifications.show({
      color: event.ok ? 'teal' : 'red',
      message: event.ok ? t('recs.job.finished', { what }) : t('recs.job.failed', { what, message: event.message ?? '' }),
    });
  });
  return progress;
}

/** A progress event as a share in [0, 1], or null while the total is not known yet. */
export const progressShare = (event: RecsProgressEvent): number | null =>
  event.total && event.total > 0 ? Math.min(1, event.done / event.total) : null;
