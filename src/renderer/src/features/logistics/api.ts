import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The logistics area's reads and writes. Keys start with the operation's
 * first word ('shipments', 'logistics', 'tracking'), as useKeysetPages does,
 * so one write refetches every view of the same thing.
 */
export const shipmentKey = (id: number) => ['shipments', 'shipments.get', id] as const;

export const useLogisticsKpis = (input: InputOf<'logistics.kpis'>) =>
  useQuery({
    queryKey: ['logistics', 'logistics.kpis', input],
    queryFn: () => invoke('logistics.kpis', input),
    placeholderData: keepPreviousData,
  });

export const useExceptions = (input: InputOf<'logistics.exceptions'>) =>
  useQuery({
    queryKey: ['logistics', 'logistics.exceptions', input],
    queryFn: () => invoke('logistics.exceptions', input),
    placeholderData: keepPreviousData,
  });

export const useShipment = (id: number | null) =>
  useQuery({ queryKey: shipmentKey(id ?? 0), queryFn: () => invoke('shipments.get', { id: id ?? 0 }), enabled: id !== null });

/** Carriers and countries for the filters: the all-time KPI answer lists them. */
export const useLogisticsFacets = () =>
  useQuery({
    queryKey: ['logistics', 'facets'],
    queryFn: async () => {
      const kpis = await invoke('logistics.kpis', { compare: false });
      return { carriers: kpis.carriers, countries: kpis.countries };
    },
    staleTime: 5 * 60_000,
  });

function useRefreshLogistics() {
  const queryClient = useQueryClient();
  return () => {
    for (const root of ['shipments', 'logistics', 'tracking', 'orders', 'service']) {
      void queryClient.invalidateQueries({ queryKey: [root] });
    }
  };
}

export function useDisputeShipment() {
  const queryClient = useQueryClient();
  const refresh = useRefreshLogistics();
  return useMutation({
    mutationFn: (input: InputOf<'shipments.dispute'>) => invoke('shipments.dispute', input),
    onSuccess: (detail) => {
      queryClient.setQueryData(shipmentKey(detail.id), detail);
      refresh();
    },
  });
}

export const useTrackingProvider = () =>
  useQuery({ queryKey: ['tracking', 'provider'], queryFn: () => invoke('tracking.provider.get', {}) });

export function useUpdateTrackingProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'tracking.provider.update'>) => invoke('tracking.provider.update', input),
    onSuccess: (state) => queryClient.setQueryData(['tracking', 'provider'], state),
  });
}

export function useRefreshTracking() {
  const refresh = useRefreshLogistics();
  return useMutation({
    mutationFn: (input: InputOf<'tracking.refresh'>) => invoke('tracking.refresh', input),
    onSettled: () => refresh(),
  });
}

/** A ticket about a shipment (the core answers with the open one if there is one already). */
export function useCreateShipmentTicket() {
  const refresh = useRefreshLogistics();
  return useMutation({
    mutationFn: async (input: { shipmentId: number; staffId: number; subject: string; idempotencyKey: string }) => {
      const askedAt = Date.now();
      const subject = input.subject.trim();
      // One write: the subject typed in the popover (in the staff member's language) goes with the ticket.
      const ticket = await invoke('tickets.create', {
        staffId: input.staffId,
        source: { kind: 'shipment', shipmentId: input.shipmentId, ...(subject ? { subject } : {}) },
        idempotencyKey: input.idempotencyKey,
      });
      // A ticket opened well before this press is the shipment's open one, found again: its subject stays.
      const existing = Date.parse(ticket.createdAt) < askedAt - 60_000;
      return { ticket, existing };
    },
    onSettled: () => refresh(),
  });
}
