import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OrderDetail, OrdersViewQuery, OrderWriteResult, SavedView } from '../../../../shared/contract';
import { invoke } from '../../api';

export const orderKey = (id: number) => ['orders', 'orders.get', id] as const;
const viewsKey = ['views', 'orders'] as const;

export const useOrder = (id: number | null) =>
  useQuery({
    queryKey: orderKey(id ?? 0),
    queryFn: () => invoke('orders.get', { id: id ?? 0 }),
    enabled: id !== null,
  });

/** The values in use for the channel, method and tag pickers, with order counts. */
export const useOrderFacets = (storeId: number | undefined) =>
  useQuery({
    queryKey: ['orders', 'orders.facets', storeId ?? null],
    queryFn: () => invoke('orders.facets', storeId === undefined ? {} : { storeId }),
    // The core keeps them until anything is written; data.changed refetches them then.
    staleTime: Infinity,
  });

/**
 * Writes to one order answer with the whole order as it now is, and where the
 * change went (`delivery`): put the order in the cache at once (the drawer
 * shows it without a refetch) and let the list and the pickers' counts
 * refetch, since totals, statuses and tags shown there may have changed.
 */
function useOrderWrite<N extends 'orders.update' | 'orders.refund'>(name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<N>) => invoke(name, input) as Promise<OrderWriteResult>,
    // Refused (refunded meanwhile elsewhere, say): show the order as it now is, so the form's limits are current.
    onError: (_error, input) => void queryClient.invalidateQueries({ queryKey: orderKey(input.id) }),
    onSuccess: ({ delivery: _delivery, ...order }) => {
      queryClient.setQueryData<OrderDetail>(orderKey(order.id), order);
      void queryClient.invalidateQueries({ queryKey: ['orders', 'orders.list'] });
      void queryClient.invalidateQueries({ queryKey: ['orders', 'orders.facets'] });
      // A refund takes points back: the customer's balance shown beside the order changes too.
      void queryClient.invalidateQueries({ queryKey: ['loyalty'] });
    },
  });
}

export const useUpdateOrder = () => useOrderWrite('orders.update');
export const useRefundOrder = () => useOrderWrite('orders.refund');

/**
 * A ticket about a late or failed shipment. The core answers the shipment's
 * open ticket when there is one, so asking twice never makes two; the order's
 * tickets, the service queues and the customer's timeline all change.
 */
export function useOpenShipmentTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { shipmentId: number; staffId: number; idempotencyKey: string }) =>
      invoke('tickets.create', {
        staffId: input.staffId,
        source: { kind: 'shipment', shipmentId: input.shipmentId },
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orders', 'orders.get'] });
      void queryClient.invalidateQueries({ queryKey: ['service'] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export const useSavedViews = () =>
  useQuery({
    queryKey: viewsKey,
    queryFn: () => invoke('views.list', { area: 'orders' }),
  });

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, query }: { name: string; query: OrdersViewQuery }) =>
      invoke('views.save', { area: 'orders', name, query }),
    onSuccess: (saved: SavedView) => {
      queryClient.setQueryData<SavedView[]>(viewsKey, (views = []) =>
        [...views.filter((v) => v.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)),
      );
    },
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => invoke('views.delete', { id }),
    onSuccess: ({ id }) => {
      queryClient.setQueryData<SavedView[]>(viewsKey, (views = []) => views.filter((v) => v.id !== id));
    },
  });
}

/**
 * One key per user action: a retry of the same save or refund changes nothing
 * twice. getRandomValues, not randomUUID: staff on the LAN open the console
 * over plain http, where randomUUID does not exist.
 */
export function newIdempotencyKey(action: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${action}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const useCustomerPoints = (customerId: number | null) =>
  useQuery({
    queryKey: ['loyalty', 'loyalty.balance', customerId],
    queryFn: () => invoke('loyalty.balance', { customerId: customerId ?? 0 }),
    enabled: customerId !== null,
  });

/**
 * A parcel with its tracking number (shipments.create): the order's
 * shipments, the logistics lists and the outbox depth all change.
 */
export function useCreateShipment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'shipments.create'>) => invoke('shipments.create', input),
    onSettled: (_shipment, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: orderKey(input.orderId) });
      void queryClient.invalidateQueries({ queryKey: ['logistics'] });
      void queryClient.invalidateQueries({ queryKey: ['sync'] });
    },
  });
}
