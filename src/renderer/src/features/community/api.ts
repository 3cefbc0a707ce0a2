import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InputOf, OperationName } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The community area's reads and writes. Every key starts with 'community', so
 * one write refetches every view of groups, boards, announcements and
 * templates (the profile card included).
 */
const ROOT = 'community';

export const useGroups = (includeArchived = false) =>
  useQuery({ queryKey: [ROOT, 'groups', includeArchived], queryFn: () => invoke('community.groups.list', { includeArchived }) });

export const useGroup = (id: number) =>
  useQuery({ queryKey: [ROOT, 'group', id], queryFn: () => invoke('community.groups.get', { id }) });

export const useCustomerCommunity = (customerId: number) =>
  useQuery({ queryKey: [ROOT, 'customer', customerId], queryFn: () => invoke('community.customerGroups', { customerId }) });

export const useLeaderboard = (input: InputOf<'leaderboards.get'>) =>
  useQuery({ queryKey: [ROOT, 'leaderboard', input], queryFn: () => invoke('leaderboards.get', input), placeholderData: keepPreviousData });

export const useAnnouncements = () =>
  useQuery({ queryKey: [ROOT, 'announcements'], queryFn: () => invoke('announcements.list', {}) });

export const useTemplates = () => useQuery({ queryKey: [ROOT, 'templates'], queryFn: () => invoke('templates.list', {}) });

/** A group's members, one keyset page after another ("Show more"). */
export function useMembers(groupId: number, search: string) {
  const input = { groupId, limit: 50, ...(search ? { search } : {}) };
  const query = useInfiniteQuery({
    queryKey: [ROOT, 'members', input],
    queryFn: ({ pageParam }) => invoke('community.members.list', { ...input, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.rows) ?? [], [query.data]);
  return { query, rows, total: query.data?.pages[0]?.total ?? null };
}

/** A write whose answer changes community views: everything under 'community' refetches after it. */
function useCommunityWrite<N extends OperationName>(name: N, alsoRefresh: string[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<N>) => invoke(name, input),
    onSuccess: () => {
      for (const root of [ROOT, ...alsoRefresh]) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}

export const useSaveGroup = () => useCommunityWrite('community.groups.update');
export const useAddMembers = () => useCommunityWrite('community.members.add');
export const useRemoveMembers = () => useCommunityWrite('community.members.remove');
export const useAddNote = () => useCommunityWrite('community.notes.add');
// Bonus points change balances shown in loyalty and on profiles.
export const useAwardHonours = () => useCommunityWrite('leaderboards.award', ['loyalty', 'customers']);
export const useSaveAnnouncement = () => useCommunityWrite('announcements.save');
export const useSaveTemplate = () => useCommunityWrite('templates.save');

/** The text for one group's channel; the saved version is in the key, so an edit exports afresh. */
export const useAnnouncementExport = (input: InputOf<'announcements.export'>, version: number) =>
  useQuery({ queryKey: [ROOT, 'export', input, version], queryFn: () => invoke('announcements.export', input) });

/** A template filled in for one customer; none until a customer is chosen. */
export const useTemplatePreview = (input: InputOf<'templates.render'> | null, version: number) =>
  useQuery({
    queryKey: [ROOT, 'preview', input, version],
    queryFn: () => invoke('templates.render', input!),
    enabled: input !== null,
  });
