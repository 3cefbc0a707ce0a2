import { Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { TrackingProviderState } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';

/** "Following 12 shipments · last checked …", or what went wrong the last time. */
export function TrackingStatusLine({ state }: { state: TrackingProviderState }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  return (
    <Stack gap={4} data-testid="tracking-status">
      <Text size="sm">
        {t('logistics.tracking.following', { count: format.number(state.following) })}
        {' · '}
        {state.lastRunAt ? t('logistics.tracking.lastRun', { when: dateTime(state.lastRunAt) }) : t('logistics.tracking.neverRun')}
      </Text>
      {state.lastError && <Text size="sm" c="red">{t('logistics.tracking.lastError', { message: state.lastError })}</Text>}
      {!state.enabled && <Text size="sm" c="dimmed">{t('logistics.tracking.off')}</Text>}
      <Group gap={4} c="dimmed"><IconRefresh size={12} aria-hidden /><Text size="xs">{t(state.intervalMinutes === 0 ? 'logistics.tracking.byHandOnly' : 'logistics.tracking.every', { minutes: state.intervalMinutes })}</Text></Group>
    </Stack>
  );
}
