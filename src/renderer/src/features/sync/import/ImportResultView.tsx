import { SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEqual, IconFilePlus, IconRefresh } from '@tabler/icons-react';
import type { ImportResult } from '../../../../../shared/contract';
import { KpiCard } from '../../../components/KpiCard';
import { useI18n } from '../../../i18n';
import { ProblemList } from './PreviewView';

/** What an import did: orders created, updated and left as they were, and the rows it could not take. */
export function ImportResultView({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t, format } = useI18n();
  return (
    <Stack gap="md" data-testid="sync-import-result">
      <Text fw={600}>{t('sync.import.resultTitle', { file: fileName })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <KpiCard label={t('sync.import.created')} icon={IconFilePlus} display={format.number(result.created)} value={result.created} testId="sync-import-created" />
        <KpiCard label={t('sync.import.updated')} icon={IconRefresh} display={format.number(result.updated)} value={result.updated} testId="sync-import-updated" />
        <KpiCard label={t('sync.import.unchanged')} icon={IconEqual} display={format.number(result.unchanged)} value={result.unchanged} testId="sync-import-unchanged" />
        <KpiCard label={t('sync.import.problems')} icon={IconAlertTriangle} display={format.number(result.problems.length)} value={result.problems.length} testId="sync-import-problems-count" />
      </SimpleGrid>
      {result.problems.length > 0 && <ProblemList problems={result.problems} title={t('sync.import.problemsTitle')} />}
    </Stack>
  );
}
