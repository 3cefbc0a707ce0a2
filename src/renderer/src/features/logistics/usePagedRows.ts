import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ExceptionsPage, InputOf, ShipmentPage } from '../../../../shared/contract';
import { invoke } from '../../api';
import type { KeysetPages } from '../../components/table';

/*
 * Keyset paging for shipments.list and logistics.exceptions. Their cursor may
 * be null (the shared useKeysetPages takes only string cursors), so this is
 * the same wrapper over useInfiniteQuery, typed for these two.
 */
interface Pages {
  'shipments.list': ShipmentPage;
  'logistics.exceptions': ExceptionsPage;
}
type Paged = keyof Pages;
type PageOf<N extends Paged> = Pages[N];

export interface PagedRows<N extends Paged> extends KeysetPages<PageOf<N>['rows'][number]> {
  firstPage: PageOf<N> | undefined;
}

export function usePagedRows<N extends Paged>(name: N, input: Omit<InputOf<N>, 'cursor'>): PagedRows<N> {
  const query = useInfiniteQuery({
    queryKey: [name.split('.')[0], name, 'pages', input],
    queryFn: ({ pageParam }) => invoke(name, { ...input, cursor: pageParam } as InputOf<N>) as unknown as Promise<PageOf<N>>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetching, fetchNextPage } = query;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.rows) ?? [], [data]) as PageOf<N>['rows'][number][];
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  const first = data?.pages[0];
  const total = first && 'total' in first ? (first as ShipmentPage).total : null;
  return {
    rows,
    firstPage: first,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore,
    loading: query.isPending,
    stale: query.isPlaceholderData,
    totalEstimate: total ?? undefined,
    totalExact: total !== null,
    error: query.error,
    isError: query.isError,
    refetch: () => void query.refetch(),
  };
}
