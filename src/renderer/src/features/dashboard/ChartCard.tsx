import { Center, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ExportableChart } from '../../components/chart/ExportableChart';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';

export const CHART_HEIGHT = 280;

export interface ChartRows {
  columns: string[];
  rows: (string | number | null)[][];
}

const NO_ROWS: ChartRows = { columns: [], rows: [] };

/**
 * A chart from one query in an exportable card, or its loading, error or empty
 * state (the export then holds the header alone).
 */
export function ChartCard<T>({
  title,
  testId,
  filename,
  definition,
  query,
  isEmpty,
  csv,
  actions,
  emptyText,
  children,
}: {
  title: string;
  testId: string;
  filename: string;
  definition?: ReactNode;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  csv: (data: T) => ChartRows;
  actions?: ReactNode;
  /** What to do when there is nothing to show; "No orders in this period." by default. */
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  let body: ReactNode;
  if (query.isPending) body = <Skeleton height={CHART_HEIGHT} data-testid={`${testId}-loading`} />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (isEmpty(query.data))
    body = (
      <Center h={CHART_HEIGHT} px="md">
        <Text c="dimmed" size="sm" ta="center" data-testid={`${testId}-empty`}>
          {emptyText ?? t('chart.noData')}
        </Text>
      </Center>
    );
  else
    body = (
      <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
        {children(query.data)}
      </div>
    );
  const rows = query.isSuccess && !isEmpty(query.data) ? csv(query.data) : NO_ROWS;
  return (
    <div data-testid={testId}>
      <ExportableChart title={title} definition={definition} filename={filename} csv={rows} actions={actions}>
        {body}
      </ExportableChart>
    </div>
  );
}
