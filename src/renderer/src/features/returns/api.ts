import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OrderRow } from '../../../../shared/contract';
import type { ReturnDetail, ReturnPolicy } from '../../../../shared/contract/returns';
import { ApiError, invoke } from '../../api';

export const returnKey = (id: number) => ['returns', 'returns.get', id] as const;
const policyKey = ['returns', 'returns.policy.get'] as const;

export const useReturn = (id: number) =>
  useQuery({ queryKey: returnKey(id), queryFn: () => invoke('returns.get', { id }) });

export const useReturnPolicy = () =>
  useQuery({ queryKey: policyKey, queryFn: () => invoke('returns.policy.get', {}) });

export const useReturnsReport = (range: { from?: string; to?: string } | undefined) =>
  useQuery({ queryKey: ['returns', 'returns.report', range ?? null], queryFn: () => invoke('returns.report', range ? { range } : {}) });

/** The "current" a CONFLICT carries (the return or policy as it is now), when it does. */
export function currentFromConflict<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const details = error.details as { current?: T } | undefined;
  return details?.current ?? null;
}

/**
 * A step answers with the return as it now is: put it in the cache at once.
 * A refused step (CONFLICT) carries the current return: show that, so the
 * person sees what changed instead of a form that still believes the old state.
 */
export function useTransitionReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'returns.transition'>) => invoke('returns.transition', input),
    onSuccess: (detail) => {
      queryClient.setQueryData<ReturnDetail>(returnKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['returns', 'returns.list'] });
      // A refund changes the order's totals and the customer's points, shown elsewhere.
      if (detail.refundId !== null) {
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
        void queryClient.invalidateQueries({ queryKey: ['loyalty'] });
        void queryClient.invalidateQueries({ queryKey: ['customers'] });
      }
    },
    onError: (error, input) => {
      const current = currentFromConflict<ReturnDetail>(error);
      if (current) queryClient.setQueryData<ReturnDetail>(returnKey(input.id), current);
      else void queryClient.invalidateQueries({ queryKey: returnKey(input.id) });
    },
  });
}

export function useCreateReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'returns.create'>) => invoke('returns.create', input),
    onSuccess: (detail) => {
      queryClient.setQueryData<ReturnDetail>(returnKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['returns', 'returns.list'] });
      void queryClient.invalidateQueries({ queryKey: ['orders', 'orders.get'] });
    },
  });
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'returns.policy.update'>) => invoke('returns.policy.update', input),
    onSuccess: (policy) => queryClient.setQueryData<ReturnPolicy>(policyKey, policy),
  });
}

/**
 * The orders carrying this number, for a new return: usually one, but two
 * connected stores may both have a #1038, and the merchant then picks which.
 */
export async function findOrdersByNumber(number: string): Promise<OrderRow[]> {
  const page = await invoke('orders.list', { filter: { search: number.trim() }, limit: 20 });
  const wanted = number.trim().replace(/^#/, '');
  return page.rows.filter((row) => row.orderNumber.replace(/^#/, '') === wanted);
}

export const useOrderForReturn = (orderId: number | null) =>
  useQuery({
    queryKey: ['orders', 'orders.get', orderId ?? 0],
    queryFn: () => invoke('orders.get', { id: orderId ?? 0 }),
    enabled: orderId !== null,
  });

/**
 * One key per user action: a retry of the same step changes nothing twice.
 * getRandomValues, not randomUUID: staff on the LAN may open the console over plain http.
 */
export function newIdempotencyKey(action: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${action}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
