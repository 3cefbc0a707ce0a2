import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The campaigns area's reads and writes over the contract. Keys start with
 * 'campaigns' (or 'draws'), so a write refetches every view of a campaign; the
 * core's data.changed event refetches whatever is on screen anyway.
 */
const ROOT = ['campaigns'] as const;
export const campaignKey = (id: number) => [...ROOT, 'get', id] as const;

export const useCampaigns = (input: InputOf<'campaigns.list'>) =>
  useQuery({ queryKey: [...ROOT, 'list', input], queryFn: () => invoke('campaigns.list', input), placeholderData: keepPreviousData });

export const useCampaign = (id: number | null) =>
  useQuery({ queryKey: campaignKey(id ?? 0), queryFn: () => invoke('campaigns.get', { id: id ?? 0 }), enabled: id !== null });

function useRefreshCampaigns() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ROOT });
    void queryClient.invalidateQueries({ queryKey: ['draws'] });
  };
}

export function useSaveCampaign() {
  const refresh = useRefreshCampaigns();
  return useMutation({
    mutationFn: (input: { create: InputOf<'campaigns.create'> } | { update: InputOf<'campaigns.update'> }) =>
      'create' in input ? invoke('campaigns.create', input.create) : invoke('campaigns.update', input.update),
    onSuccess: () => refresh(),
  });
}

export function useCancelCampaign() {
  const refresh = useRefreshCampaigns();
  return useMutation({ mutationFn: (input: InputOf<'campaigns.cancel'>) => invoke('campaigns.cancel', input), onSettled: () => refresh() });
}

export function useLaunchCampaign() {
  const refresh = useRefreshCampaigns();
  return useMutation({ mutationFn: (input: InputOf<'campaigns.launch'>) => invoke('campaigns.launch', input), onSettled: () => refresh() });
}

/** Who the audience would be now; null while the audience is not complete enough to ask. */
export const useAudiencePreview = (input: InputOf<'campaigns.audience.preview'> | null) =>
  useQuery({
    queryKey: [...ROOT, 'preview', input],
    queryFn: () => invoke('campaigns.audience.preview', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useCampaignReport = (id: number, confidence: 0.9 | 0.95 | 0.99, enabled: boolean) =>
  useQuery({
    queryKey: [...ROOT, 'report', id, confidence],
    queryFn: () => invoke('campaigns.report', { id, confidence }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useCampaignCalendar = (from: string, to: string) =>
  useQuery({
    queryKey: [...ROOT, 'calendar', from, to],
    queryFn: () => invoke('campaigns.calendar', { from, to }),
    placeholderData: keepPreviousData,
  });

export const useDraws = (campaignId: number) =>
  useQuery({ queryKey: ['draws', campaignId], queryFn: () => invoke('draws.list', { campaignId }) });

export function useRunDraw() {
  const refresh = useRefreshCampaigns();
  return useMutation({ mutationFn: (input: InputOf<'draws.run'>) => invoke('draws.run', input), onSettled: () => refresh() });
}

export const useVerifyDraw = () =>
  useMutation({ mutationFn: (drawId: number) => invoke('draws.verify', { drawId }) });

export const useExportCoupons = () =>
  useMutation({ mutationFn: (id: number) => invoke('campaigns.coupons.export', { id }) });

export const useExportPrices = () =>
  useMutation({ mutationFn: (id: number) => invoke('campaigns.prices.export', { id }) });

/** The community groups an audience can name; the community area may not answer yet (an error the picker shows). */
export const useCommunityGroups = (enabled = true) =>
  useQuery({ queryKey: ['community', 'groups', 'forCampaigns'], queryFn: () => invoke('community.groups.list', {}), retry: false, enabled });

/** Tiers for the audience picker and the point value, from the loyalty program. */
export const useLoyaltyProgram = (enabled = true) =>
  useQuery({ queryKey: ['loyalty', 'settings', 'forCampaigns'], queryFn: () => invoke('loyalty.settings.get', {}), staleTime: 60_000, enabled });
