import { Center, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';

export const CHART_HEIGHT = 280;

/** A titled panel that shows a chart, or its loading, error or empty state. */
export function ChartCard<T>({
  title,
  testId,
  query,
  isEmpty,
  children,
}: {
  title: string;
  testId: string;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  let body: ReactNode;
  if (query.isPending) body = <Skeleton height={CHART_HEIGHT} data-testid={`${testId}-loading`} />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (isEmpty(query.data))
    body = (
      <Center h={CHART_HEIGHT}>
        <Text c="dimmed" size="sm">{t('chart.noData')}</Text>
      </Center>
    );
  else
    body = (
      <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
        {children(query.data)}
      </div>
    );
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} fz="md" fw={600} mb="md">
        {title}
      </Title>
      {body}
    </Paper>
  );
}
