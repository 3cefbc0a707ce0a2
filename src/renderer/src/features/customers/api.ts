import { useInfiniteQuery, useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, MergeInput, RfmRecomputeResult } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The customers area's reads and writes over the contract. Every key starts
 * with 'customers' (or 'segments'), so a merge or a recompute can refetch the
 * whole area at once; `data.changed` refetches whatever is on screen anyway.
 */

export const customerProfileKey = (id: number) => ['customers', 'get', id] as const;

export const useCustomerProfile = (id: number) =>
  useQuery({ queryKey: customerProfileKey(id), queryFn: () => invoke('customers.get', { id }) });

/** Older timeline items, page by page, after the ones the profile came with. */
export const useOlderTimeline = (customerId: number, firstBefore: string | null) =>
  useInfiniteQuery({
    queryKey: ['customers', 'timeline', customerId, firstBefore],
    queryFn: ({ pageParam }) => invoke('customers.timeline', { customerId, before: pageParam, limit: 50 }),
    initialPageParam: firstBefore ?? '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Nothing is asked until the merchant presses "Load more" (fetchNextPage on an empty query loads the first).
    enabled: false,
  });

export const useSegments = (input: InputOf<'segments.list'>) =>
  useQuery({ queryKey: ['segments', 'list', input], queryFn: () => invoke('segments.list', input) });

export const useDuplicateGroups = () =>
  useInfiniteQuery({
    queryKey: ['customers', 'duplicates'],
    queryFn: ({ pageParam }) =>
      invoke('customers.duplicates', { limit: 25, ...(pageParam === null ? {} : { cursor: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** After a merge or a recompute every customer figure may have moved: refetch the area and the loyalty views. */
function useRefreshCustomers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['customers', 'segments', 'loyalty', 'orders'].map((area) => queryClient.invalidateQueries({ queryKey: [area] })),
    );
}

export function useMergeCustomers() {
  const refresh = useRefreshCustomers();
  return useMutation({
    mutationFn: (input: MergeInput) => invoke('customers.merge', input),
    onSuccess: () => refresh(),
  });
}

const RECOMPUTE_KEY = ['customers', 'rfm', 'recompute'] as const;

/**
 * The recompute keeps running when the merchant leaves the Segments tab, and
 * its outcome must still be told: callbacks given here belong to the mutation
 * (TanStack runs them after an unmount; callbacks given to `mutate` it drops).
 */
export function useRecomputeSegments(callbacks: {
  onSuccess: (result: RfmRecomputeResult) => void;
  onError: (error: unknown) => void;
}) {
  const refresh = useRefreshCustomers();
  return useMutation({
    mutationKey: RECOMPUTE_KEY,
    mutationFn: () => invoke('customers.rfm.recompute', {}),
    onSuccess: async (result) => {
      await refresh();
      callbacks.onSuccess(result);
    },
    onError: callbacks.onError,
  });
}

/** When the recompute in flight (from any tab) was started, or null when none runs. */
export function useRecomputeStartedAt(): number | null {
  const started = useMutationState({
    filters: { mutationKey: RECOMPUTE_KEY, status: 'pending' },
    select: (mutation) => mutation.state.submittedAt,
  });
  return started.length > 0 ? Math.min(...started) : null;
}
