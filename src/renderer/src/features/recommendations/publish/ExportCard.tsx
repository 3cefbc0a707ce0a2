import { Alert, Button, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadCsv } from '../../../components/csv/pagedCsv';
import { useI18n } from '../../../i18n';
import { useExportRecs, useRecsStatus } from '../api';
import { refusalSentence } from '../issues';

type Kind = 'related' | 'complementary' | 'both';

/** Product-to-product lists as a CSV file, for any platform Backroom does not publish to. */
export function ExportCard() {
  const { t, format } = useI18n();
  const exportRecs = useExportRecs();
  const [kind, setKind] = useState<Kind>('both');
  const trained = useRecsStatus().data?.model?.status === 'ready';
  const run = () =>
    exportRecs.mutate({ kind }, { onSuccess: (file) => downloadCsv([file.csv], file.filename) });
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-export">
      <Title order={2} fz="md" fw={600}>{t('recs.export.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('recs.export.description')}</Text>
      <Group gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'both', label: t('recs.export.both') },
            { value: 'related', label: t('recs.preview.related') },
            { value: 'complementary', label: t('recs.preview.boughtTogether') },
          ]}
          aria-label={t('recs.export.which')}
        />
        <Button leftSection={<IconDownload size={16} />} variant="light" onClick={run} loading={exportRecs.isPending} disabled={!trained} data-testid="recs-export-run">
          {t('recs.export.download')}
        </Button>
      </Group>
      {!trained && <Text size="sm" c="dimmed" mt="sm" data-testid="recs-export-untrained">{t('recs.publish.noModel')}</Text>}
      {exportRecs.data && (
        <Text size="sm" mt="sm" data-testid="recs-export-done">{t('recs.export.done', { rows: format.number(exportRecs.data.rows), file: exportRecs.data.filename })}</Text>
      )}
      {exportRecs.isError && <Alert mt="sm" color="red" variant="light">{refusalSentence(t, exportRecs.error)}</Alert>}
    </Paper>
  );
}
