import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SettingsSection } from '../../../../components/SettingsSection';
import { QueryError } from '../../../../components/QueryError';
import { useT } from '../../../../i18n';

/** Right-aligned figures whose digits line up from row to row. */
export const numeric = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } };

/**
 * One report of the Reports tab: loading, failure with a retry, a sentence
 * when the range has nothing to show, else the report (dimmed while the next
 * range loads over it).
 */
export function ReportSection<D>(props: {
  title: string;
  description: string;
  testId: string;
  query: UseQueryResult<D>;
  hasContent: (data: D) => boolean;
  emptyText: string;
  children: (data: D) => ReactNode;
}) {
  const { query, testId } = props;
  const hasContent = query.data !== undefined && props.hasContent(query.data);
  return (
    <SettingsSection title={props.title} description={props.description} testId={testId}>
      {query.isPending && <Skeleton height={320} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data !== undefined && !hasContent && (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>{props.emptyText}</Text>
      )}
      {query.data !== undefined && hasContent && (
        <Stack gap="lg" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {props.children(query.data)}
        </Stack>
      )}
    </SettingsSection>
  );
}

/** A titled table of a report, or a sentence when it has no rows. */
export function ReportTable(props: { title: string; empty: boolean; minWidth: number; testId: string; head: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm" fw={600}>{props.title}</Title>
      {props.empty ? (
        <Text size="sm" c="dimmed">{t('service.admin.reports.noRows')}</Text>
      ) : (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={props.minWidth} type="native">
            <Table striped verticalSpacing={6} data-testid={props.testId}>
              <Table.Thead>
                <Table.Tr>{props.head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{props.children}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
