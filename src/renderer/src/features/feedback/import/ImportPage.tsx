import { Alert, Anchor, Button, Code, FileButton, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FEEDBACK_CSV_COLUMNS, FEEDBACK_SOURCES, type FeedbackImportResult, type FeedbackSource } from '../../../../../shared/contract';
import { ApiError } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useImportFeedback } from '../api';
import { sourceLabel } from '../labels';
import { feedbackTabPath } from '../routes';
import { ImportReport } from './ImportReport';
import { splitCsv } from './chunks';
import { readTextFile } from '../../../components/file/readTextFile';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; share: number }
  | { kind: 'importing'; rows: number; done: number }
  | { kind: 'done'; result: FeedbackImportResult };

const LARGEST_FILE = 50_000_000;
/** Characters per request: well under the HTTP transport's 1 MB body even for Chinese text (3 bytes a character). */
const PART_CHARS = 200_000;

/**
 * /feedback/import: pick a CSV file; it is read with a progress bar, then
 * imported in one go (the core checks every row and writes the good ones in
 * one transaction), then the report says what happened, row by row.
 */
export function ImportPage() {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const importFeedback = useImportFeedback();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileName, setFileName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [defaultSource, setDefaultSource] = useState<FeedbackSource>('review');
  const busy = phase.kind === 'reading' || phase.kind === 'importing';

  const start = async (file: File | null) => {
    if (!file || !staff) return;
    setProblem(null);
    setFileName(file.name);
    if (file.size > LARGEST_FILE) {
      setProblem(t('feedback.import.tooLarge', { size: format.number(Math.round(file.size / 1_000_000)) }));
      return;
    }
    setPhase({ kind: 'reading', share: 0 });
    let csv: string;
    try {
      csv = await readTextFile(file, (share) => setPhase({ kind: 'reading', share }));
    } catch {
      setPhase({ kind: 'idle' });
      setProblem(t('feedback.import.unreadable'));
      return;
    }
    if (csv.trim() === '') {
      setPhase({ kind: 'idle' });
      setProblem(t('feedback.import.empty'));
      return;
    }
    const parts = splitCsv(csv, PART_CHARS);
    const rows = parts.reduce((sum, part) => sum + part.rows, 0);
    const total: FeedbackImportResult = { imported: 0, duplicates: 0, errors: [], ticketsOpened: 0, ignoredColumns: [] };
    let done = 0;
    setPhase({ kind: 'importing', rows, done });
    for (const [index, part] of parts.entries()) {
      try {
        const result = await importFeedback.mutateAsync({
          staffId: staff.id, csv: part.csv, fileName: file.name, defaultSource, firstRowNumber: part.firstRowNumber,
        });
        total.imported += result.imported;
        total.duplicates += result.duplicates;
        total.ticketsOpened += result.ticketsOpened;
        total.errors.push(...result.errors);
        total.ignoredColumns = result.ignoredColumns;
      } catch (error) {
        const sentence = error instanceof ApiError && error.code === 'VALIDATION'
          ? error.message : t(`error.${error instanceof ApiError ? error.code : 'INTERNAL'}`);
        // Parts before this one are in (each in its own transaction); importing the file again skips them.
        if (index === 0) {
          setPhase({ kind: 'idle' });
          setProblem(sentence);
        } else {
          setPhase({ kind: 'done', result: total });
          setProblem(t('feedback.import.stoppedAt', { row: format.number(part.firstRowNumber), reason: sentence }));
        }
        return;
      }
      done += part.rows;
      setPhase({ kind: 'importing', rows, done });
    }
    setPhase({ kind: 'done', result: total });
  };

  return (
    <Stack gap="md" maw={960}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>{t('feedback.import.intro')}</Text>
          <Text size="sm" c="dimmed">{t('feedback.import.columns')} <Code>{FEEDBACK_CSV_COLUMNS.join(', ')}</Code></Text>
          <Text size="sm" c="dimmed">{t('feedback.import.rules')}</Text>
          <Group align="flex-end">
            <Select
              label={t('feedback.import.defaultSource')}
              data={FEEDBACK_SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
              value={defaultSource}
              onChange={(v) => v && setDefaultSource(v as FeedbackSource)}
              allowDeselect={false}
              w={260}
            />
            <FileButton onChange={(file) => void start(file)} accept=".csv,text/csv" disabled={busy || !staff}>
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={16} />} loading={busy} data-testid="feedback-import-pick">
                  {t('feedback.import.pick')}
                </Button>
              )}
            </FileButton>
          </Group>
          {!staff && <Alert color="yellow">{t('feedback.noStaff')}</Alert>}
        </Stack>
      </Paper>
      {phase.kind === 'reading' && (
        <Stack gap={4} data-testid="feedback-import-progress">
          <Text size="sm">{t('feedback.import.reading', { file: fileName })}</Text>
          <Progress value={phase.share * 100} aria-label={t('feedback.import.reading', { file: fileName })} />
        </Stack>
      )}
      {phase.kind === 'importing' && (
        <Stack gap={4} data-testid="feedback-import-progress">
          <Text size="sm">{t('feedback.import.importing', { done: format.number(phase.done), rows: format.number(phase.rows) })}</Text>
          <Progress value={phase.rows === 0 ? 100 : Math.max(4, (phase.done / phase.rows) * 100)} animated striped
            aria-label={t('feedback.import.importing', { done: format.number(phase.done), rows: format.number(phase.rows) })} />
        </Stack>
      )}
      {problem && <Alert color="red" title={phase.kind === 'done' ? t('feedback.import.stopped') : t('feedback.import.failed')} data-testid="feedback-import-problem">{problem}</Alert>}
      {phase.kind === 'done' && (
        <>
          <ImportReport result={phase.result} fileName={fileName} />
          <Anchor href={hrefFor(feedbackTabPath('inbox'))}>{t('feedback.import.toInbox')}</Anchor>
        </>
      )}
    </Stack>
  );
}
