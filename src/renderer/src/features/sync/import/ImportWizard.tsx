import { Alert, Anchor, Button, FileButton, Group, Paper, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFileUpload, IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportFormat, InputOf } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { usePreviewImport, useRunImport, useStores } from '../api';
import { useSyncSentences } from '../messages';
import { readTextFile } from '../../../components/file/readTextFile';
import { csvHeader } from './csvFile';
import { ImportResultView } from './ImportResultView';
import { columnsToFields, guessMapping } from './mapping';
import { MappingEditor, missingRequired, type GenericSettings } from './MappingEditor';
import { PreviewView } from './PreviewView';
import { useElapsed } from './useElapsed';

interface PickedFile { name: string; csv: string; columns: string[] }

/** Browser mode sends each request over HTTP, which takes about 1 MB; the desktop app has no such limit. */
const BROWSER_LIMIT_BYTES = 1_000_000;
const NEW_STORE = 'new';

/**
 * '/sync/import': pick a CSV, say whose export it is (or map its columns),
 * preview what importing would do (nothing is written), then import with the
 * result row by row. Importing the same file again changes nothing.
 */
export function ImportWizard() {
  const { t, format } = useI18n();
  const sentences = useSyncSentences();
  const staff = useActingStaff();
  const stores = useStores();
  const preview = usePreviewImport();
  const run = useRunImport();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [importFormat, setImportFormat] = useState<ImportFormat>('shopify_orders');
  const [store, setStore] = useState<string>(NEW_STORE);
  const [generic, setGeneric] = useState<GenericSettings>({ fields: {}, dateFormat: 'iso', decimalSeparator: '.', currency: null });
  const elapsed = useElapsed(run.isPending);
  const missing = importFormat === 'generic_orders' ? missingRequired(generic) : [];

  const reset = () => { preview.reset(); run.reset(); };
  const pick = async (picked: File | null) => {
    if (!picked) return;
    reset();
    setFile(null);
    setFileProblem(null);
    setReading(0);
    try {
      const csv = await readTextFile(picked, setReading);
      if (csv.trim() === '') throw new Error('empty');
      const columns = csvHeader(csv);
      setFile({ name: picked.name, csv, columns });
      setGeneric((g) => ({ ...g, fields: guessMapping(columns) }));
    } catch {
      setFileProblem(t('sync.import.unreadable'));
    } finally {
      setReading(null);
    }
  };

  const input = (): InputOf<'import.preview'> | null => {
    if (!file || !staff) return null;
    return {
      staffId: staff.id,
      ...(store === NEW_STORE ? {} : { storeId: Number(store) }),
      format: importFormat,
      csv: file.csv,
      fileName: file.name,
      ...(importFormat === 'generic_orders'
        ? { mapping: { columns: columnsToFields(generic.fields), dateFormat: generic.dateFormat, decimalSeparator: generic.decimalSeparator, ...(generic.currency ? { currency: generic.currency } : {}) } }
        : {}),
    };
  };
  const tooLarge = (value: InputOf<'import.preview'>) =>
    !window.backroom && new TextEncoder().encode(JSON.stringify(value)).length > BROWSER_LIMIT_BYTES;

  const doPreview = () => {
    const value = input();
    if (!value || missing.length > 0) return;
    run.reset();
    if (tooLarge(value)) return setFileProblem(t('sync.import.tooLargeForBrowser'));
    preview.mutate(value);
  };
  const doImport = () => {
    const value = input();
    // A new CSV store is made by the first import; the same file again goes to that store, where it changes nothing.
    if (value) run.mutate(value, { onSuccess: (result) => setStore(String(result.storeId)) });
  };

  return (
    <Stack gap="md" maw={1100} data-testid="sync-import">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>{t('sync.import.intro')}</Text>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="sync-import-format">{t('sync.import.format')}</Text>
              <SegmentedControl aria-labelledby="sync-import-format" value={importFormat}
                onChange={(v) => { setImportFormat(v as ImportFormat); reset(); }} data-testid="sync-import-format"
                data={[
                  { value: 'shopify_orders', label: t('sync.import.format.shopify') },
                  { value: 'woocommerce_orders', label: t('sync.import.format.woocommerce') },
                  { value: 'generic_orders', label: t('sync.import.format.generic') },
                ]} />
            </Stack>
            <Select label={t('sync.import.store')} w={260} allowDeselect={false} value={store}
              onChange={(v) => { if (v) { setStore(v); reset(); } }} data-testid="sync-import-store"
              data={[{ value: NEW_STORE, label: t('sync.import.newStore') }, ...(stores.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))]} />
            <FileButton onChange={(f) => void pick(f)} accept=".csv,text/csv" disabled={reading !== null || run.isPending}>
              {(props) => (
                <Button {...props} variant={file ? 'default' : 'filled'} leftSection={<IconFileUpload size={16} />} loading={reading !== null} data-testid="sync-import-pick">
                  {file ? t('sync.import.pickAnother') : t('sync.import.pick')}
                </Button>
              )}
            </FileButton>
          </Group>
          {file && <Text size="sm" c="dimmed" data-testid="sync-import-file">{t('sync.import.fileRead', { file: file.name, columns: format.number(file.columns.length) })}</Text>}
          {reading !== null && <Progress value={reading * 100} aria-label={t('sync.import.reading')} />}
          {!staff && <Alert color="yellow">{t('sync.noStaff')}</Alert>}
          {fileProblem && <Alert color="red" data-testid="sync-import-file-problem">{fileProblem}</Alert>}
        </Stack>
      </Paper>
      {file && importFormat === 'generic_orders' && <MappingEditor columns={file.columns} value={generic} onChange={(g) => { setGeneric(g); reset(); }} />}
      {file && (
        <Group>
          <Button variant={preview.isSuccess ? 'light' : 'filled'} leftSection={<IconSearch size={16} />} onClick={doPreview} loading={preview.isPending} disabled={missing.length > 0 || !staff} data-testid="sync-import-preview-button">
            {t('sync.import.preview')}
          </Button>
          {missing.length > 0 && <Text size="sm" c="dimmed">{t('sync.import.mapRequired')}</Text>}
        </Group>
      )}
      {preview.isError && <Alert color="red" title={t('sync.import.previewFailed')} data-testid="sync-import-error">{sentences.error(preview.error)}</Alert>}
      {preview.isSuccess && !run.isSuccess && (
        <>
          <PreviewView preview={preview.data} />
          <Group>
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={doImport} loading={run.isPending} disabled={preview.data.orders === 0} data-testid="sync-import-run">
              {t('sync.import.run', { count: format.number(preview.data.orders) })}
            </Button>
          </Group>
        </>
      )}
      {run.isPending && (
        <Stack gap={4} data-testid="sync-import-progress">
          <Text size="sm">{t('sync.import.importing', { seconds: format.number(elapsed) })}</Text>
          <Progress value={100} animated striped aria-label={t('sync.import.importing', { seconds: format.number(elapsed) })} />
        </Stack>
      )}
      {run.isError && <Alert color="red" title={t('sync.import.runFailed')} data-testid="sync-import-error">{sentences.error(run.error)}</Alert>}
      {run.isSuccess && file && (
        <>
          <ImportResultView result={run.data} fileName={file.name} />
          <Anchor href={hrefFor('/orders')}>{t('sync.import.toOrders')}</Anchor>
        </>
      )}
    </Stack>
  );
}
