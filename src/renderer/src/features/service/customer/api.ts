import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../../shared/contract';
import { invoke } from '../../../api';

/*
 * What the customer panel reads, under the owning areas' key roots
 * ('customers', 'orders', 'loyalty', 'returns'), so their writes and
 * data.changed refetch it too.
 */
export const useCustomer = (id: number | null) =>
  useQuery({ queryKey: ['customers', 'get', id ?? 0], queryFn: () => invoke('customers.get', { id: id ?? 0 }), enabled: id !== null });

/** Full orders (lines, shipments) for the few the panel shows in detail. */
export const useOrdersDetail = (ids: number[]) =>
  useQueries({
    queries: ids.map((id) => ({ queryKey: ['orders', 'orders.get', id], queryFn: () => invoke('orders.get', { id }) })),
  });

export const useOrderDetail = (id: number | null) =>
  useQuery({
    queryKey: ['orders', 'orders.get', id ?? 0],
    queryFn: () => invoke('orders.get', { id: id ?? 0 }),
    enabled: id !== null,
  });

export const useCustomerReturns = (customerId: number) =>
  useQuery({
    queryKey: ['returns', 'list', { customerId }],
    queryFn: () => invoke('returns.list', { customerId, limit: 10 }),
  });

export const useCustomerTickets = (customerId: number) =>
  useQuery({
    queryKey: ['service', 'customer-tickets', customerId],
    queryFn: () => invoke('tickets.list', { queue: 'all_open', filter: { customerId }, limit: 50 }),
  });

export const useReturnPolicy = (enabled: boolean) =>
  useQuery({ queryKey: ['returns', 'policy'], queryFn: () => invoke('returns.policy.get', {}), enabled });

export function useCreateReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'returns.create'>) => invoke('returns.create', input),
    onSuccess: () => {
      for (const root of ['returns', 'orders', 'customers', 'service']) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}

export function useGoodwillPoints() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'loyalty.adjust'>) => invoke('loyalty.adjust', input),
    onSuccess: () => {
      for (const root of ['loyalty', 'customers']) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
