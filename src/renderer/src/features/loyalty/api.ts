import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EXPIRING_WINDOWS, InputOf, LoyaltySettingsInput } from '../../../../shared/contract';
import { invoke } from '../../api';

export type ExpiringWindow = (typeof EXPIRING_WINDOWS)[number];

/*
 * Every loyalty query key starts with 'loyalty', so one write invalidates all
 * loyalty views at once (a redemption changes the balance, history, coupons,
 * the liability report and the expiring list alike). The core's data.changed
 * event does the same for changes made elsewhere.
 */
const ROOT = ['loyalty'] as const;

function useInvalidateLoyalty() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ROOT });
}

export const useLoyaltySettings = () =>
  useQuery({ queryKey: [...ROOT, 'settings'], queryFn: () => invoke('loyalty.settings.get', {}) });

export function useSaveLoyaltySettings() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateLoyalty();
  return useMutation({
    mutationFn: (settings: LoyaltySettingsInput) => invoke('loyalty.settings.update', settings),
    onSuccess: (saved) => {
      queryClient.setQueryData([...ROOT, 'settings'], saved);
      void invalidate();
    },
  });
}

export const usePointsBalance = (customerId: number) =>
  useQuery({ queryKey: [...ROOT, 'balance', customerId], queryFn: () => invoke('loyalty.balance', { customerId }) });

export const HISTORY_PAGE_SIZE = 20;

/** Keyset pages of the ledger, newest first; "Show more" asks for entries older than the last one shown. */
export const usePointsHistory = (customerId: number) =>
  useInfiniteQuery({
    queryKey: [...ROOT, 'history', customerId],
    queryFn: ({ pageParam }) =>
      invoke('loyalty.history', {
        customerId,
        limit: HISTORY_PAGE_SIZE,
        ...(pageParam !== undefined && { before: pageParam }),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });

export const useTierStatus = (customerId: number) =>
  useQuery({ queryKey: [...ROOT, 'tier', customerId], queryFn: () => invoke('loyalty.tier', { customerId }) });

export const useCoupons = (customerId: number) =>
  useQuery({ queryKey: [...ROOT, 'coupons', customerId], queryFn: () => invoke('loyalty.coupons', { customerId }) });

export const useRewards = (includeInactive: boolean) =>
  useQuery({
    queryKey: [...ROOT, 'rewards', includeInactive],
    queryFn: () => invoke('loyalty.rewards.list', { includeInactive }),
    placeholderData: keepPreviousData,
  });

export const useLiability = () =>
  useQuery({ queryKey: [...ROOT, 'liability'], queryFn: () => invoke('loyalty.liability', {}) });

export const useLastMaintenance = () =>
  useQuery({ queryKey: [...ROOT, 'maintenance'], queryFn: () => invoke('loyalty.maintenance.last', {}) });

/** Runs loyalty maintenance now; every loyalty view refetches (expiries change balances and the liability). */
export function useRunMaintenance() {
  const invalidate = useInvalidateLoyalty();
  return useMutation({
    mutationFn: () => invoke('loyalty.maintenance.run', {}),
    onSuccess: () => void invalidate(),
  });
}

export const EXPIRING_PAGE_SIZE = 50;

/** Customers with points expiring within the window, soonest first, in cursor pages. */
export const useExpiring = (days: ExpiringWindow) =>
  useInfiniteQuery({
    queryKey: [...ROOT, 'expiring', days],
    queryFn: ({ pageParam }) =>
      invoke('loyalty.expiring', { days, limit: EXPIRING_PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

type LoyaltyWrite = 'loyalty.adjust' | 'loyalty.bonus' | 'loyalty.redeem' | 'loyalty.rewards.save' | 'loyalty.rewards.archive';

/** A write that refreshes every loyalty view once it has committed. */
function useLoyaltyWrite<N extends LoyaltyWrite>(name: N) {
  const invalidate = useInvalidateLoyalty();
  return useMutation({
    mutationFn: (input: InputOf<N>) => invoke(name, input),
    onSuccess: () => void invalidate(),
  });
}

export const useAdjustPoints = () => useLoyaltyWrite('loyalty.adjust');
export const useAwardBonus = () => useLoyaltyWrite('loyalty.bonus');
export const useRedeemReward = () => useLoyaltyWrite('loyalty.redeem');
export const useSaveReward = () => useLoyaltyWrite('loyalty.rewards.save');
export const useArchiveReward = () => useLoyaltyWrite('loyalty.rewards.archive');

/** The customer's name for the standalone points page; the customers area owns the rest of the profile. */
export const useCustomerName = (customerId: number) =>
  useQuery({
    queryKey: ['loyalty', 'customerName', customerId],
    queryFn: () => invoke('customers.get', { id: customerId }),
    select: (profile) => profile.name ?? profile.email,
    retry: false,
  });
