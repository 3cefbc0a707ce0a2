import { Alert, Badge, Code, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconCopyCheck } from '@tabler/icons-react';
import type { ImportPreview } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useSyncTime } from '../time';

/** What importing would do: the first rows as read, every problem by row, and whether this file is in already. */
export function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t, format } = useI18n();
  const time = useSyncTime();
  return (
    <Stack gap="md" data-testid="sync-import-preview">
      {preview.alreadyImported && (
        <Alert color="blue" icon={<IconCopyCheck size={18} />} title={t('sync.import.alreadyTitle')} data-testid="sync-import-already">
          {t('sync.import.alreadyBody')}
        </Alert>
      )}
      <Group gap="md">
        <Text data-testid="sync-import-orders">{t('sync.import.ordersFound', { count: format.number(preview.orders) })}</Text>
        <Text c={preview.problems.length > 0 ? 'red' : 'dimmed'} data-testid="sync-import-problem-count">
          {t('sync.import.problemsFound', { count: format.number(preview.problems.length) })}
        </Text>
      </Group>
      <Paper withBorder>
        <ScrollArea.Autosize mah={360}>
          <Table striped verticalSpacing={4} aria-label={t('sync.import.previewLabel')} data-testid="sync-import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('sync.import.col.row')}</Table.Th>
                <Table.Th>{t('sync.import.col.number')}</Table.Th>
                <Table.Th>{t('sync.import.col.placedAt')}</Table.Th>
                <Table.Th ta="right">{t('sync.import.col.total')}</Table.Th>
                <Table.Th ta="right">{t('sync.import.col.lines')}</Table.Th>
                <Table.Th>{t('sync.import.col.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map(({ row, order, problem }) => (
                <Table.Tr key={row} data-row={row}>
                  <Table.Td>{format.number(row)}</Table.Td>
                  <Table.Td>{order?.number ?? '—'}</Table.Td>
                  <Table.Td>{order ? time.at(order.placedAt) : '—'}</Table.Td>
                  <Table.Td ta="right">{order ? format.money(order.totalMinor, order.currency) : '—'}</Table.Td>
                  <Table.Td ta="right">{order ? format.number(order.lines) : '—'}</Table.Td>
                  <Table.Td>{problem ? <Text size="sm" c="red">{withoutRow(problem)}</Text> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      {preview.problems.length > 0 && <ProblemList problems={preview.problems} title={t('sync.import.problemsTitle')} />}
      <Text size="xs" c="dimmed">{t('sync.import.columnsRead')} <Code>{preview.columns.join(', ')}</Code></Text>
    </Stack>
  );
}

export function ProblemList({ problems, title }: { problems: { row: number; message: string }[]; title: string }) {
  const { t, format } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="sync-import-problems">
      <Group gap="xs" mb="xs"><Text fw={600}>{title}</Text><Badge color="red" variant="light">{format.number(problems.length)}</Badge></Group>
      <ScrollArea.Autosize mah={260}>
        <Table withRowBorders={false}>
          <Table.Tbody>
            {problems.map((p, i) => (
              <Table.Tr key={`${p.row}-${i}`} data-row={p.row}>
                <Table.Td w={90}>{t('sync.import.rowN', { row: format.number(p.row) })}</Table.Td>
                <Table.Td>{withoutRow(p.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** The core starts each problem with "Row 6: "; beside a row number column that is said twice. */
function withoutRow(message: string): string {
  const rest = message.replace(/^Row \d+: /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
