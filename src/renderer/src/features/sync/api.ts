import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OutboxEntry } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The sync area's reads and writes over the contract. Every key starts with
 * 'sync', so a write (or the end of a run) refetches status, log and outbox
 * at once; the core's data.changed event refetches everything on screen.
 */
const ROOT = ['sync'] as const;

/** Where each store stands; polled while the page is open, as "next run" and online-ness move on their own. */
export const useSyncStatus = () =>
  useQuery({
    queryKey: [...ROOT, 'status'],
    queryFn: () => invoke('sync.status', {}),
    refetchInterval: 30_000,
    staleTime: 5_000,
  });

export const useStores = () =>
  useQuery({ queryKey: [...ROOT, 'stores'], queryFn: () => invoke('stores.list', {}), staleTime: 30_000 });

export const useSyncLog = (storeId: number | null, limit: number) =>
  useQuery({
    queryKey: [...ROOT, 'log', storeId, limit],
    queryFn: () => invoke('sync.log', storeId === null ? { limit } : { storeId, limit }),
  });

export const useOutbox = (status: OutboxEntry['status'][]) =>
  useQuery({
    queryKey: [...ROOT, 'outbox', status],
    queryFn: () => invoke('outbox.list', { status, limit: 500 }),
    refetchInterval: 30_000,
  });

export function useRefreshSync() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ROOT });
}

function useSyncWrite<N extends 'stores.connect' | 'stores.remove' | 'sync.run' | 'sync.cancel' | 'outbox.retry' | 'outbox.discard' | 'import.run'>(name: N) {
  const refresh = useRefreshSync();
  return useMutation({ mutationFn: (input: InputOf<N>) => invoke(name, input), onSettled: () => refresh() });
}

export const useConnectStore = () => useSyncWrite('stores.connect');
export const useRemoveStore = () => useSyncWrite('stores.remove');
export const useRunSync = () => useSyncWrite('sync.run');
export const useCancelSync = () => useSyncWrite('sync.cancel');
export const useRetryOutbox = () => useSyncWrite('outbox.retry');
export const useDiscardOutbox = () => useSyncWrite('outbox.discard');
export const useRunImport = () => useSyncWrite('import.run');

/** Actions that write nothing: testing credentials and previewing a CSV. */
export const useTestConnection = () => useMutation({ mutationFn: (input: InputOf<'stores.test'>) => invoke('stores.test', input) });
export const usePreviewImport = () => useMutation({ mutationFn: (input: InputOf<'import.preview'>) => invoke('import.preview', input) });
