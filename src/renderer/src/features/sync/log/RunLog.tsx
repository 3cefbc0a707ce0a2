import { Group, Loader, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SyncLogEntry } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useStores, useSyncLog } from '../api';
import { useSyncTime } from '../time';
import { LogEntryRow } from './LogEntryRow';

type LevelFilter = 'all' | 'warning' | 'error';
const LIMIT = 500;

/** '/sync/log': what each run did and skipped, and why, newest run first. */
export function RunLog() {
  const { t, format } = useI18n();
  const stores = useStores();
  const [storeId, setStoreId] = useState<number | null>(null);
  const [level, setLevel] = useState<LevelFilter>('all');
  const log = useSyncLog(storeId, LIMIT);
  const runs = useMemo(() => groupByRun(filterLevel(log.data ?? [], level)), [log.data, level]);
  const time = useSyncTime();

  return (
    <Stack gap="md" data-testid="sync-log">
      <Group gap="md" align="flex-end">
        <Select label={t('sync.log.store')} placeholder={t('sync.log.allStores')} clearable w={260}
          data={(stores.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={storeId === null ? null : String(storeId)} onChange={(v) => setStoreId(v === null ? null : Number(v))} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="sync-log-level">{t('sync.log.level')}</Text>
          <SegmentedControl aria-labelledby="sync-log-level" value={level} onChange={(v) => setLevel(v as LevelFilter)}
            data={[
              { value: 'all', label: t('sync.log.levelAll') },
              { value: 'warning', label: t('sync.log.levelWarnings') },
              { value: 'error', label: t('sync.log.levelErrors') },
            ]} />
        </Stack>
      </Group>
      {log.isPending && <Loader aria-label={t('sync.loading')} />}
      {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && runs.length === 0 && (
        <Paper withBorder p="lg" data-testid="sync-log-empty"><Text c="dimmed">{level === 'all' ? t('sync.log.empty') : t('sync.log.emptyFiltered')}</Text></Paper>
      )}
      {runs.map(({ runId, entries }) => (
        <Paper key={runId} withBorder p="md" data-testid="sync-log-run" data-run-id={runId}>
          <Group gap="xs" mb="xs">
            <Text fw={600}>{t('sync.log.run', { id: format.number(runId) })}</Text>
            {entries[0] && <Text size="sm" c="dimmed">{time.at(entries[0].at)}</Text>}
            <Text size="sm" c="dimmed">{t('sync.log.entries', { count: format.number(entries.length) })}</Text>
          </Group>
          <Stack gap={2}>
            {entries.map((entry) => <LogEntryRow key={entry.id} entry={entry} />)}
          </Stack>
        </Paper>
      ))}
      {(log.data?.length ?? 0) >= LIMIT && <Text size="sm" c="dimmed">{t('sync.log.limited', { count: format.number(LIMIT) })}</Text>}
    </Stack>
  );
}

function filterLevel(entries: SyncLogEntry[], level: LevelFilter): SyncLogEntry[] {
  if (level === 'all') return entries;
  if (level === 'error') return entries.filter((e) => e.level === 'error');
  return entries.filter((e) => e.level !== 'info');
}

/** Entries by run, newest run first, each run's entries in the order they happened. */
function groupByRun(entries: SyncLogEntry[]): { runId: number; entries: SyncLogEntry[] }[] {
  const runs = new Map<number, SyncLogEntry[]>();
  for (const entry of entries) runs.set(entry.runId, [...(runs.get(entry.runId) ?? []), entry]);
  return [...runs.entries()]
    .sort(([a], [b]) => b - a)
    .map(([runId, list]) => ({ runId, entries: list.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id) }));
}
