import { Badge, Group, Stack, Text } from '@mantine/core';
import type { SyncStoreStatus } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { RUN_STATUS_COLORS, runStatusLabel } from '../labels';
import { useSyncTime } from '../time';
import { useSyncSentences } from '../messages';

/** The last run (how it ended, when, and what it counted) and when the next one starts. */
export function RunSummary({ status }: { status: SyncStoreStatus }) {
  const { t, format } = useI18n();
  const sentences = useSyncSentences();
  const time = useSyncTime();
  const { lastRun, nextRunAt, store } = status;
  return (
    <Stack gap={6} data-testid="sync-last-run">
      <Text size="sm" fw={600}>{t('sync.lastRun.title')}</Text>
      {lastRun ? (
        <>
          <Group gap="xs">
            <Badge color={RUN_STATUS_COLORS[lastRun.status]} variant="light" data-testid="sync-last-run-status" data-status={lastRun.status}>
              {runStatusLabel(t, lastRun.status)}
            </Badge>
            <Text size="sm" title={time.at(lastRun.finishedAt ?? lastRun.startedAt)}>
              {time.relative(lastRun.finishedAt ?? lastRun.startedAt)}
            </Text>
          </Group>
          <Text size="sm" data-testid="sync-last-run-counts">
            {t('sync.counts', {
              fetched: format.number(lastRun.counts.fetched),
              created: format.number(lastRun.counts.created),
              updated: format.number(lastRun.counts.updated),
              unchanged: format.number(lastRun.counts.unchanged),
              quarantined: format.number(lastRun.counts.quarantined),
            })}
          </Text>
          {lastRun.counts.quarantined > 0 && (
            <Text size="sm" c="orange" data-testid="sync-quarantined">{t('sync.quarantined')}</Text>
          )}
          {lastRun.error && <Text size="sm" c="red" data-testid="sync-last-run-error">{sentences.message(lastRun.error)}</Text>}
        </>
      ) : (
        <Text size="sm" c="dimmed">{t('sync.lastRun.never')}</Text>
      )}
      <Text size="sm" c="dimmed" data-testid="sync-next-run">
        {nextRunAt
          ? t('sync.nextRun.at', { when: time.relative(nextRunAt), every: format.number(store.intervalMinutes) })
          : store.intervalMinutes === 0 ? t('sync.nextRun.manual') : t('sync.nextRun.none')}
      </Text>
    </Stack>
  );
}
