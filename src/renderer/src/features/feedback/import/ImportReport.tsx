import { Alert, Badge, Group, List, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { FeedbackImportResult } from '../../../../../shared/contract';
import { IconAlertTriangle, IconCopy, IconFileCheck, IconTicket } from '@tabler/icons-react';
import { KpiCard } from '../../../components/KpiCard';
import { useI18n } from '../../../i18n';
import { rowProblem } from './rowProblem';

/** What an import did: counts, then every refused row with its number and reason, then the ignored columns. */
export function ImportReport({ result, fileName }: { result: FeedbackImportResult; fileName: string }) {
  const { t, format } = useI18n();
  return (
    <Stack gap="md" data-testid="feedback-import-report">
      <Text fw={600}>{t('feedback.import.reportTitle', { file: fileName })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <KpiCard label={t('feedback.import.imported')} icon={IconFileCheck} display={format.number(result.imported)} value={result.imported} testId="import-imported" />
        <KpiCard label={t('feedback.import.duplicates')} icon={IconCopy} display={format.number(result.duplicates)} value={result.duplicates} testId="import-duplicates" />
        <KpiCard label={t('feedback.import.errors')} icon={IconAlertTriangle} display={format.number(result.errors.length)} value={result.errors.length} testId="import-errors" />
        <KpiCard label={t('feedback.import.ticketsOpened')} icon={IconTicket} display={format.number(result.ticketsOpened)} value={result.ticketsOpened} testId="import-tickets" />
      </SimpleGrid>
      {result.ignoredColumns.length > 0 && (
        <Alert color="gray" title={t('feedback.import.ignoredTitle')} data-testid="import-ignored">
          <Group gap={6}>
            {result.ignoredColumns.map((c) => <Badge key={c} variant="outline" color="gray" tt="none">{c}</Badge>)}
          </Group>
        </Alert>
      )}
      {result.errors.length > 0 ? (
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">{t('feedback.import.errorsTitle')}</Text>
          <Text size="sm" c="dimmed" mb="xs">{t('feedback.import.errorsHint')}</Text>
          <ScrollArea.Autosize mah={360}>
            <Table striped withRowBorders={false} data-testid="import-error-rows">
              <Table.Thead>
                <Table.Tr><Table.Th w={90}>{t('feedback.import.row')}</Table.Th><Table.Th>{t('feedback.import.problem')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e) => (
                  <Table.Tr key={e.row} data-row={e.row}>
                    <Table.Td>{format.number(e.row)}</Table.Td>
                    <Table.Td>{rowProblem(t, e.message)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      ) : (
        <List size="sm"><List.Item>{t('feedback.import.noErrors')}</List.Item></List>
      )}
    </Stack>
  );
}
