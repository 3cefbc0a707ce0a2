import type { OrderFilter, OrderSort } from '../../../../../shared/contract';

/** What the orders table shows: a filter and a sort, as the contract takes them. */
export interface OrdersQuery {
  filter: OrderFilter;
  sort: OrderSort;
}

export const DEFAULT_SORT: OrderSort = { by: 'placedAt', direction: 'desc' };
export const DEFAULT_QUERY: OrdersQuery = { filter: {}, sort: DEFAULT_SORT };

type FilterKey = keyof OrderFilter;

/**
 * Sets one part of the filter; an empty list, empty text or absent value
 * removes it, so the filter sent (and saved in a view) holds only what the
 * merchant actually chose.
 */
export function withFilter<K extends FilterKey>(filter: OrderFilter, key: K, value: OrderFilter[K] | null): OrderFilter {
  const next: OrderFilter = { ...filter };
  const isEmpty =
    value === null ||
    value === undefined ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'string' && value.trim() === '') ||
    (key === 'range' && typeof value === 'object' && !('from' in value && value.from) && !('to' in value && value.to));
  if (isEmpty) delete next[key];
  else next[key] = value;
  return next;
}

/** How many filters are on: the amount range and the date range count once each. */
export function activeFilterCount(filter: OrderFilter): number {
  const keys = Object.keys(filter).filter((key) => filter[key as FilterKey] !== undefined);
  const amountBoth = filter.minTotalMinor !== undefined && filter.maxTotalMinor !== undefined;
  return keys.length - (amountBoth ? 1 : 0);
}

/** Filters on the second row of the bar, counted on its toggle so nothing is on unseen. */
export const SECONDARY_FILTERS: readonly FilterKey[] = [
  'storeId',
  'channel',
  'paymentMethod',
  'minTotalMinor',
  'maxTotalMinor',
  'tag',
];

export function secondaryFilterCount(filter: OrderFilter): number {
  const on = SECONDARY_FILTERS.filter((key) => filter[key] !== undefined);
  const amountBoth = filter.minTotalMinor !== undefined && filter.maxTotalMinor !== undefined;
  return on.length - (amountBoth ? 1 : 0);
}

/** A saved view's query, checked loosely: anything unexpected falls back to the defaults. */
export function queryFromView(raw: Record<string, unknown>): OrdersQuery {
  const filter = raw['filter'];
  const sort = raw['sort'] as OrderSort | undefined;
  return {
    filter: filter && typeof filter === 'object' ? (filter as OrderFilter) : {},
    sort: sort && typeof sort === 'object' && 'by' in sort ? sort : DEFAULT_SORT,
  };
}
