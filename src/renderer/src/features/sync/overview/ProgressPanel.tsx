import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { SyncRunSummary } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { resourceLabel } from '../labels';
import { useSyncTime } from '../time';
import type { LiveProgress } from '../useLiveProgress';

/**
 * A running sync: the resource and page it is on, rows so far against the
 * platform's total (when it gives one) and the time left; without a total the
 * bar moves without a figure, so it never claims a share it cannot know.
 */
export function ProgressPanel({ progress, running }: { progress: LiveProgress | null; running: SyncRunSummary | null }) {
  const { t, format } = useI18n();
  const time = useSyncTime();
  if (!progress) {
    return (
      <Paper withBorder p="sm" data-testid="sync-progress">
        <Text size="sm" mb={6}>{running ? t('sync.progress.started', { when: time.relative(running.startedAt) }) : t('sync.progress.starting')}</Text>
        <Progress value={100} animated striped aria-label={t('sync.progress.starting')} />
      </Paper>
    );
  }
  const share = progress.total ? Math.min(1, progress.fetched / progress.total) : null;
  const line = t('sync.progress.line', {
    resource: resourceLabel(t, progress.resource),
    page: format.number(progress.page),
    rows: format.number(progress.fetched),
  });
  return (
    <Paper withBorder p="sm" data-testid="sync-progress" data-resource={progress.resource} data-fetched={progress.fetched}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" data-testid="sync-progress-line">
            {line}
            {progress.total !== null && ` ${t('sync.progress.ofTotal', { total: format.number(progress.total) })}`}
          </Text>
          {progress.etaSeconds !== null && (
            <Text size="sm" c="dimmed" data-testid="sync-progress-eta">
              {progress.etaSeconds < 1 ? t('sync.progress.almostDone') : t('sync.progress.eta', { time: time.seconds(progress.etaSeconds) })}
            </Text>
          )}
        </Group>
        <Progress value={share === null ? 100 : Math.max(2, share * 100)} animated={share === null} striped={share === null} aria-label={line} />
        {/* A pause for the rate limit is said in the UI's language; any other note from the engine as it came. */}
        {progress.waitingMs !== undefined && progress.waitingMs > 0
          ? <Text size="xs" c="dimmed" data-testid="sync-progress-waiting">{t('sync.progress.waiting', { time: time.seconds(progress.waitingMs / 1000) })}</Text>
          : progress.message && <Text size="xs" c="dimmed">{progress.message}</Text>}
      </Stack>
    </Paper>
  );
}
