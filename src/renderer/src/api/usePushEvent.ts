import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { PushEventName, PushEvents } from '../../../shared/contract';
import { onPushEvent } from './client';

export function usePushEvent<E extends PushEventName>(
  event: E,
  listener: (payload: PushEvents[E]) => void,
): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onPushEvent(event, (payload) => latest.current(payload)), [event]);
}

/**
 * Refetches what is on screen when the core says data changed. Every query is
 * invalidated, not only the named areas: a sync that adds orders changes the
 * dashboard, customers and loyalty alike, and only mounted queries refetch.
 */
export function useInvalidateOnDataChanged(): void {
  const queryClient = useQueryClient();
  usePushEvent('data.changed', () => {
    void queryClient.invalidateQueries();
  });
}
