import { Button, Group, Paper, Skeleton, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useRecomputeSegments, useRecomputeStartedAt, useSegments } from '../api';
import { writeErrorSentence } from '../errors';
import { SEGMENT_LABEL } from '../labels';
import { RecomputeStatus } from './RecomputeStatus';
import { SegmentShareChart } from './SegmentShareChart';
import { SegmentTable } from './SegmentTable';
import { useSegmentExport, type SegmentExportOutcome } from './useSegmentExport';

/** The RFM segments: how many customers, how much revenue, and a CSV of each for campaigns. */
export function SegmentsTab() {
  const { t, format } = useI18n();
  const segments = useSegments({});
  const recompute = useRecomputeSegments({
    onSuccess: (result) =>
      notifications.show({
        color: 'teal',
        message: t('customers.segments.recomputed', {
          customers: format.number(result.customers),
          seconds: (result.durationMs / 1000).toFixed(1),
        }),
      }),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('customers.segments.recomputeFailed'),
        message: writeErrorSentence(error, t),
      }),
  });
  // From this tab or an earlier visit to it: a recompute outlives the tab.
  const recomputeStartedAt = useRecomputeStartedAt();
  const exporter = useSegmentExport();
  const [onlyConsented, setOnlyConsented] = useState(true);

  const exportSegment = async (segment: Parameters<typeof exporter.start>[0]) => {
    const outcome = await exporter.start(segment, onlyConsented);
    notifyExport(outcome);
  };
  const notifyExport = (outcome: SegmentExportOutcome) => {
    if (outcome.kind === 'cancelled') return;
    const name = t(SEGMENT_LABEL[outcome.segment]);
    if (outcome.kind === 'done') {
      notifications.show({
        color: 'teal',
        message: t('customers.segments.exported', { rows: format.number(outcome.rows), segment: name, file: outcome.fileName }),
      });
    } else if (outcome.kind === 'empty') {
      notifications.show({ color: 'yellow', message: t('customers.segments.exportEmpty', { segment: name }) });
    } else {
      notifications.show({ color: 'red', title: t('customers.segments.exportFailed'), message: writeErrorSentence(outcome.error, t) });
    }
  };

  return (
    <Stack gap="md" data-testid="segments-tab">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Tooltip label={t('customers.segments.onlyConsentedHint')} multiline maw={300} withArrow>
          <Switch
            checked={onlyConsented}
            onChange={(event) => setOnlyConsented(event.currentTarget.checked)}
            label={t('customers.segments.onlyConsented')}
            data-testid="segments-only-consented"
          />
        </Tooltip>
        <Group gap="sm" wrap="wrap">
          {segments.data && (
            <Text size="sm" c="dimmed" data-testid="segments-computed-at">
              {segments.data.computedAt
                ? t('customers.segments.computedAt', { date: format.date(segments.data.computedAt) })
                : t('customers.segments.never')}
            </Text>
          )}
          <Button
            leftSection={<IconRefresh size={16} />}
            variant="default"
            loading={recomputeStartedAt !== null}
            onClick={() => recompute.mutate()}
            data-testid="segments-recompute"
          >
            {t('customers.segments.recompute')}
          </Button>
        </Group>
      </Group>
      {recomputeStartedAt !== null && (
        <RecomputeStatus startedAt={recomputeStartedAt} lastDurationMs={segments.data?.lastRecomputeMs ?? null} />
      )}
      {segments.isPending && (
        <>
          <Skeleton height={312} data-testid="segments-loading" />
          <Skeleton height={320} />
        </>
      )}
      {segments.isError && <QueryError error={segments.error} onRetry={() => void segments.refetch()} />}
      {segments.isSuccess &&
        (segments.data.segments.every((s) => s.customers === 0) ? (
          <Paper withBorder p="xl" data-testid="segments-empty">
            <Text size="sm" c="dimmed">
              {segments.data.computedAt ? t('customers.segments.empty') : t('customers.segments.never')}
            </Text>
          </Paper>
        ) : (
          <>
            <SegmentShareChart data={segments.data} />
            <SegmentTable
              data={segments.data}
              exportState={exporter.state}
              onExport={(segment) => void exportSegment(segment)}
              onCancelExport={exporter.cancel}
            />
          </>
        ))}
    </Stack>
  );
}
