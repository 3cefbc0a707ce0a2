import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContentLanguage, InputOf } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { appInfoKey } from '../../settings/api';

/*
 * Queries of the service desk's settings and reports. Keys start with
 * 'service' so a write here also refreshes the desk's own views (a new SLA
 * policy changes every open ticket's due time); the core's data.changed event
 * does the same for changes made in another window.
 */
const ROOT = ['service'] as const;

function useInvalidateService() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ROOT });
}

export const slaPolicyKey = [...ROOT, 'admin', 'slaPolicy'] as const;

export const useSlaPolicy = () => useQuery({ queryKey: slaPolicyKey, queryFn: () => invoke('sla.policies.get', {}) });

export function useSaveSlaPolicy() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateService();
  return useMutation({
    mutationFn: (input: InputOf<'sla.policies.update'>) => invoke('sla.policies.update', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(slaPolicyKey, saved);
      void invalidate();
    },
  });
}

export interface ContentFilter {
  language: ContentLanguage | undefined;
  search: string;
}

export const useMacros = ({ language, search }: ContentFilter) =>
  useQuery({
    queryKey: [...ROOT, 'admin', 'macros', language ?? 'all', search],
    queryFn: () =>
      invoke('macros.list', { includeInactive: true, ...(language && { language }), ...(search !== '' && { search }) }),
    placeholderData: keepPreviousData,
  });

export const useKbArticles = ({ language, search }: ContentFilter) =>
  useQuery({
    queryKey: [...ROOT, 'admin', 'kb', language ?? 'all', search],
    queryFn: () => invoke('kb.search', { query: search, limit: 100, includeInactive: true, ...(language && { language }) }),
    placeholderData: keepPreviousData,
  });

export const useStaffList = () =>
  useQuery({ queryKey: [...ROOT, 'admin', 'staff'], queryFn: () => invoke('staff.list', { includeInactive: true }) });

type ServiceWrite = 'macros.save' | 'kb.save' | 'staff.save';

/** A write that refreshes every service view once it has committed (and "Acting as" after a staff change). */
function useServiceWrite<N extends ServiceWrite>(name: N) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateService();
  return useMutation({
    mutationFn: (input: InputOf<N>) => invoke(name, input),
    onSuccess: () => {
      void invalidate();
      if (name === 'staff.save') void queryClient.invalidateQueries({ queryKey: appInfoKey });
    },
  });
}

export const useSaveMacro = () => useServiceWrite('macros.save');
export const useSaveKbArticle = () => useServiceWrite('kb.save');
export const useSaveStaff = () => useServiceWrite('staff.save');

export interface ReportRange {
  from: string;
  to: string;
}

export const useSlaReport = (range: ReportRange) =>
  useQuery({
    queryKey: [...ROOT, 'admin', 'slaReport', range.from, range.to],
    queryFn: () => invoke('sla.report', { range }),
    placeholderData: keepPreviousData,
  });

export const useCsatReport = (range: ReportRange) =>
  useQuery({
    queryKey: [...ROOT, 'admin', 'csatReport', range.from, range.to],
    queryFn: () => invoke('csat.report', { range }),
    placeholderData: keepPreviousData,
  });
