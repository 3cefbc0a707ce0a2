import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { recomputeProgress } from './recomputeProgress';

/**
 * What a running recompute is doing: time so far, a bar estimated from the
 * last run (or one that just moves when there is none), and what still works
 * meanwhile. A live region, so a screen reader hears it start; the seconds
 * tick outside it, so it is not read out every second.
 */
export function RecomputeStatus({ startedAt, lastDurationMs }: { startedAt: number; lastDurationMs: number | null }) {
  const { t, format } = useI18n();
  const now = useNow(250);
  const progress = recomputeProgress(now - startedAt, lastDurationMs);
  const label = t('customers.segments.recomputing');
  return (
    <Paper withBorder p="sm" radius="md" data-testid="segments-recomputing" data-percent={progress.percent ?? ''}>
      <Stack gap={6}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" fw={500} role="status">{label}</Text>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="segments-recompute-elapsed">
            {progress.secondsLeft !== null
              ? t('customers.segments.recomputeLeft', {
                  elapsed: format.number(progress.elapsedSeconds),
                  left: format.number(progress.secondsLeft),
                })
              : t('customers.segments.recomputeElapsed', { elapsed: format.number(progress.elapsedSeconds) })}
          </Text>
        </Group>
        <Progress
          value={progress.percent ?? 100}
          striped
          animated
          aria-label={label}
          transitionDuration={250}
        />
        <Text size="xs" c="dimmed">{t('customers.segments.recomputeMeanwhile')}</Text>
      </Stack>
    </Paper>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
