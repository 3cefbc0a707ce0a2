import type { TicketSortKey, TicketChannel, TicketPriority, TicketStatus } from '../../../../../shared/contract';

/** The filters and sort of the queue list, kept per browser tab. */
export interface TicketFilterState {
  status?: TicketStatus[];
  priority?: TicketPriority[];
  channel?: TicketChannel[];
  /** 'none' stands for "unassigned" (null in the contract). */
  assignee?: string[];
  tag?: string[];
  search?: string;
}

export interface TicketsQuery {
  filter: TicketFilterState;
  sort: { by: TicketSortKey; direction: 'asc' | 'desc' };
}

export const DEFAULT_TICKETS_QUERY: TicketsQuery = { filter: {}, sort: { by: 'slaDue', direction: 'asc' } };

export const activeTicketFilters = (filter: TicketFilterState): number =>
  Object.values(filter).filter((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value))).length;

/** The contract's filter: empty lists dropped (the contract wants at least one value), "none" → null. */
export function toContractFilter(filter: TicketFilterState) {
  const nonEmpty = <T,>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  const assignee = nonEmpty(filter.assignee)?.map((value) => (value === 'none' ? null : Number(value)));
  const out = {
    status: nonEmpty(filter.status),
    priority: nonEmpty(filter.priority),
    channel: nonEmpty(filter.channel),
    assigneeId: assignee,
    tag: nonEmpty(filter.tag),
    search: filter.search?.trim() ? filter.search.trim() : undefined,
  };
  const defined = Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
  return Object.keys(defined).length > 0 ? (defined as typeof out) : undefined;
}
