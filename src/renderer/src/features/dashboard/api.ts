import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * Changing the range keeps the previous figures on screen (dimmed) until the
 * new ones arrive, instead of flashing skeletons on every click.
 */

export const useDashboardSummary = (query: DashboardQuery) =>
  useQuery({
    queryKey: ['dashboard', 'summary', query],
    queryFn: () => invoke('dashboard.summary', query),
    placeholderData: keepPreviousData,
  });

export const useRevenueSeries = (query: DashboardQuery) =>
  useQuery({
    queryKey: ['dashboard', 'revenueSeries', query],
    queryFn: () => invoke('dashboard.revenueSeries', query),
    placeholderData: keepPreviousData,
  });

export const useCustomerMix = (query: DashboardQuery) =>
  useQuery({
    queryKey: ['dashboard', 'customerMix', query],
    queryFn: () => invoke('dashboard.customerMix', query),
    placeholderData: keepPreviousData,
  });

/**
 * Whether the profile has no orders at all (the "connect your store" state).
 * Asked only when the chosen range came back empty, so a normal dashboard
 * never pays for an extra all-time query.
 */
export function useNoOrdersAtAll(rangeIsEmpty: boolean): boolean {
  const allTime = useQuery({
    queryKey: ['dashboard', 'summary', {}],
    queryFn: () => invoke('dashboard.summary', {}),
    enabled: rangeIsEmpty,
  });
  return rangeIsEmpty && allTime.data?.current.orders === 0;
}
