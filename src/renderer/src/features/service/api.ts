import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContentLanguage, InputOf, TicketDetail } from '../../../../shared/contract';
import { invoke } from '../../api';

/*
 * The service desk's reads and writes over the contract. Every key starts
 * with 'service', so one write refetches queues, counts and lists at once;
 * the core's data.changed event does the same for changes made elsewhere.
 */
const ROOT = ['service'] as const;
export const ticketKey = (id: number) => [...ROOT, 'ticket', id] as const;
export const countsKey = (staffId: number | null) => [...ROOT, 'counts', staffId] as const;

export const useQueueCounts = (staffId: number | null) =>
  useQuery({
    queryKey: countsKey(staffId),
    queryFn: () => invoke('queues.counts', staffId === null ? {} : { staffId }),
    staleTime: 15_000,
  });

export const useTicket = (id: number) =>
  useQuery({ queryKey: ticketKey(id), queryFn: () => invoke('tickets.get', { id }) });

export const useStaffList = () =>
  useQuery({ queryKey: [...ROOT, 'staff'], queryFn: () => invoke('staff.list', {}), staleTime: 5 * 60_000 });

export const useSlaPolicy = () =>
  useQuery({ queryKey: [...ROOT, 'sla-policy'], queryFn: () => invoke('sla.policies.get', {}), staleTime: 5 * 60_000 });

export const useMacros = (language: ContentLanguage) =>
  useQuery({
    queryKey: [...ROOT, 'macros', language],
    // Macros in the UI language first, then the others (a Chinese-speaking customer may write to an English desk).
    queryFn: async () => {
      const all = await invoke('macros.list', {});
      return [...all.filter((m) => m.language === language), ...all.filter((m) => m.language !== language)];
    },
  });

export const useKbSearch = (query: string, language: ContentLanguage, enabled: boolean) =>
  useQuery({
    queryKey: [...ROOT, 'kb', query, language],
    queryFn: async () => {
      const own = await invoke('kb.search', { query, language, limit: 10 });
      if (own.length > 0) return own;
      return invoke('kb.search', { query, limit: 10 });
    },
    enabled,
    placeholderData: keepPreviousData,
  });

/** Lists, counts and the customer's timeline all show tickets: refetch them after any write. */
function useRefreshService() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ROOT });
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
  };
}

/** A write that answers with the ticket as it now is: show it at once, refetch the rest. */
function useTicketWrite<N extends 'tickets.update' | 'tickets.reply' | 'tickets.logCustomerMessage' | 'tickets.merge' | 'tickets.create'>(name: N) {
  const queryClient = useQueryClient();
  const refresh = useRefreshService();
  return useMutation({
    mutationFn: (input: InputOf<N>) => invoke(name, input) as Promise<TicketDetail>,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(ticket.id), ticket);
      refresh();
    },
  });
}

export const useUpdateTicket = () => useTicketWrite('tickets.update');
export const useReplyTicket = () => useTicketWrite('tickets.reply');
export const useLogCustomerMessage = () => useTicketWrite('tickets.logCustomerMessage');
export const useMergeTicket = () => useTicketWrite('tickets.merge');
export const useCreateTicket = () => useTicketWrite('tickets.create');

/**
 * The customer's satisfaction answer, typed in by staff from the request's
 * code. Refetch after a refusal too: a CONFLICT means someone answered
 * already, and the ticket should show that answer.
 */
export function useRespondCsat() {
  const refresh = useRefreshService();
  return useMutation({ mutationFn: (input: InputOf<'csat.respond'>) => invoke('csat.respond', input), onSettled: () => refresh() });
}

function useServiceAction<N extends 'tickets.bulk' | 'tickets.undo' | 'tickets.autoAssign'>(name: N) {
  const refresh = useRefreshService();
  return useMutation({ mutationFn: (input: InputOf<N>) => invoke(name, input), onSuccess: () => refresh() });
}

export const useBulkTickets = () => useServiceAction('tickets.bulk');
export const useUndoBulk = () => useServiceAction('tickets.undo');
export const useAutoAssign = () => useServiceAction('tickets.autoAssign');

/** Renders a macro or typed text for a ticket; an action (not cached): the ticket's data may change between two uses. */
export const useApplyMacro = () =>
  useMutation({ mutationFn: (input: InputOf<'macros.apply'>) => invoke('macros.apply', input) });

/**
 * One key per user action: a retry of the same send changes nothing twice.
 * getRandomValues, not randomUUID: staff on the LAN open the console over
 * plain http, where randomUUID does not exist.
 */
export function newIdempotencyKey(action: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `ui-${action}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
