import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, RecsConfig } from '../../../../shared/contract';
import { invoke } from '../../api';
import { rememberFacets, rememberProducts } from './knownProducts';

/*
 * The recommendations area's reads and writes over the contract. Every key
 * starts with 'recs', so the end of a training or an evaluation refetches
 * status, previews and experiments at once.
 */
export const RECS_ROOT = ['recs'] as const;

export function useRefreshRecs() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: RECS_ROOT });
}

export const useRecsConfig = () =>
  useQuery({ queryKey: [...RECS_ROOT, 'config'], queryFn: () => invoke('recs.config.get', {}) });

export function useSaveRecsConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'recs.config.update'>) => invoke('recs.config.update', input),
    onSuccess: (saved) => {
      queryClient.setQueryData([...RECS_ROOT, 'config'], saved);
      void queryClient.invalidateQueries({ queryKey: [...RECS_ROOT, 'preview'] });
    },
  });
}

export const useRecsStatus = () =>
  useQuery({ queryKey: [...RECS_ROOT, 'status'], queryFn: () => invoke('recs.status', {}) });

export function useTrain() {
  const refresh = useRefreshRecs();
  return useMutation({ mutationFn: () => invoke('recs.train', {}), onSettled: () => refresh() });
}

/** A preview of `config` (the unsaved edits); previous lists stay on screen while the next arrive. */
export const useProductPreview = (productId: number | null, config: RecsConfig | null) =>
  useQuery({
    queryKey: [...RECS_ROOT, 'preview', 'product', productId, config],
    queryFn: async () => {
      const preview = await invoke('recs.preview.product', { productId: productId!, ...(config && { config }) });
      const items = [preview.anchor, ...preview.related, ...preview.boughtTogether];
      rememberProducts(items);
      rememberFacets(items);
      return preview;
    },
    enabled: productId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useCustomerPreview = (customerId: number | null, config: RecsConfig | null) =>
  useQuery({
    queryKey: [...RECS_ROOT, 'preview', 'customer', customerId, config],
    queryFn: async () => {
      const preview = await invoke('recs.preview.customer', { customerId: customerId!, ...(config && { config }) });
      rememberProducts([...preview.items, ...preview.history]);
      rememberFacets(preview.items);
      return preview;
    },
    enabled: customerId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useExperiments = () =>
  useQuery({ queryKey: [...RECS_ROOT, 'experiments'], queryFn: () => invoke('recs.experiments.list', { limit: 50 }) });

export function useEvaluate() {
  const refresh = useRefreshRecs();
  return useMutation({ mutationFn: (input: InputOf<'recs.evaluate'>) => invoke('recs.evaluate', input), onSettled: () => refresh() });
}

export const useMineRules = () =>
  useMutation({ mutationFn: (input: InputOf<'recs.rules.mine'>) => invoke('recs.rules.mine', input) });

export const usePublishPlan = (storeId: number | null) =>
  useQuery({
    queryKey: [...RECS_ROOT, 'publishPlan', storeId],
    queryFn: () => invoke('recs.publish.plan', { storeId: storeId! }),
    enabled: storeId !== null,
  });

export function usePublish() {
  const refresh = useRefreshRecs();
  return useMutation({ mutationFn: (input: InputOf<'recs.publish'>) => invoke('recs.publish', input), onSettled: () => refresh() });
}

export const useExportRecs = () =>
  useMutation({ mutationFn: (input: InputOf<'recs.export'>) => invoke('recs.export', input) });

export const useStores = () =>
  useQuery({ queryKey: [...RECS_ROOT, 'stores'], queryFn: () => invoke('stores.list', {}), staleTime: 30_000 });
