import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../../../shared/contract';
import { invoke } from '../../api';

interface KeysetPage {
  rows: unknown[];
  nextCursor: string | null;
  totalEstimate?: number;
  totalExact?: boolean;
}

/** Operations that page by keyset: they take `{…, cursor?}` and answer `{rows, nextCursor}`. */
export type KeysetOperation = {
  [N in OperationName]: OutputOf<N> extends KeysetPage ? (InputOf<N> extends { cursor?: string } ? N : never) : never;
}[OperationName];

export type KeysetRow<N extends KeysetOperation> = OutputOf<N> extends { rows: (infer Row)[] } ? Row : never;

export interface KeysetPages<Row> {
  /** Every page loaded so far, flattened, in order. */
  rows: Row[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** First page of this query still on its way (nothing to show yet). */
  loading: boolean;
  /** The rows shown belong to the previous query while the new one loads. */
  stale: boolean;
  /** The first page's totalEstimate, when the operation gives one. */
  totalEstimate: number | undefined;
  /** Whether totalEstimate is exact; false: a lower bound ("10,000+"). Absent counts as exact. */
  totalExact: boolean;
  error: unknown;
  isError: boolean;
  refetch(): void;
}

/**
 * A thin wrapper over useInfiniteQuery for keyset-paged operations. The
 * cursor is the only page parameter; the rest of the input is the query key,
 * so a new filter or sort starts again from the first page. The previous
 * rows stay on screen (marked stale) until that first page arrives.
 */
export function useKeysetPages<N extends KeysetOperation>(
  name: N,
  input: Omit<InputOf<N>, 'cursor'>,
  options: { enabled?: boolean } = {},
): KeysetPages<KeysetRow<N>> {
  const query = useInfiniteQuery({
    queryKey: [name.split('.')[0], name, 'pages', input],
    queryFn: ({ pageParam }) =>
      invoke(name, { ...input, ...(pageParam === null ? {} : { cursor: pageParam }) } as InputOf<N>) as Promise<KeysetPage>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetching, fetchNextPage } = query;
  const rows = useMemo(() => (data?.pages.flatMap((page) => page.rows) ?? []) as KeysetRow<N>[], [data]);
  // Never while anything is in flight: the rows on screen may be the previous
  // query's (a next page of those would be asked with the new query's key).
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  return {
    rows,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore,
    loading: query.isPending,
    stale: query.isPlaceholderData,
    totalEstimate: data?.pages[0]?.totalEstimate,
    totalExact: data?.pages[0]?.totalExact ?? true,
    error: query.error,
    isError: query.isError,
    refetch: () => void query.refetch(),
  };
}
