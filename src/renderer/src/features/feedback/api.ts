import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The feedback area's reads and writes over the contract. Every key starts
 * with 'feedback', so a write refetches the whole area; a ticket opened from
 * here also refreshes the service desk's views.
 */
export const useTopicRules = () =>
  useQuery({ queryKey: ['feedback', 'topics'], queryFn: () => invoke('feedback.topics.get', {}) });

export const useFeedbackTrends = (input: InputOf<'feedback.trends'>) =>
  useQuery({ queryKey: ['feedback', 'trends', input], queryFn: () => invoke('feedback.trends', input) });

function useRefresh(areas: string[] = ['feedback']) {
  const queryClient = useQueryClient();
  return () => Promise.all(areas.map((area) => queryClient.invalidateQueries({ queryKey: [area] })));
}

export function useCreateFeedback() {
  const refresh = useRefresh(['feedback', 'service', 'tickets', 'loyalty']);
  return useMutation({ mutationFn: (input: InputOf<'feedback.create'>) => invoke('feedback.create', input), onSuccess: () => refresh() });
}

export function useUpdateFeedback() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<'feedback.update'>) => invoke('feedback.update', input), onSuccess: () => refresh() });
}

export function useImportFeedback() {
  const refresh = useRefresh(['feedback', 'service', 'tickets', 'loyalty']);
  return useMutation({ mutationFn: (input: InputOf<'feedback.import'>) => invoke('feedback.import', input), onSuccess: () => refresh() });
}

export function useSaveTopicRules() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: InputOf<'feedback.topics.update'>) => invoke('feedback.topics.update', input),
    onSuccess: () => refresh(),
  });
}

/** "Open a ticket" for an item without one: the service desk's own operation, sourced from the feedback. */
export function useOpenTicket() {
  const refresh = useRefresh(['feedback', 'service', 'tickets']);
  return useMutation({
    mutationFn: (input: { feedbackId: number; staffId: number; idempotencyKey: string }) =>
      invoke('tickets.create', {
        staffId: input.staffId, source: { kind: 'feedback', feedbackId: input.feedbackId }, idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => refresh(),
  });
}

export function newKey(): string {
  return `ui:${crypto.randomUUID()}`;
}
