import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { ReturnDetail } from '../../../../../shared/contract/returns';
import { useI18n } from '../../../i18n';
import { dateTime, STATUS_COLORS, statusKey } from '../labels';

/** The lifecycle as it happened: each step, who made it and when. */
export function ReturnTimeline({ detail }: { detail: ReturnDetail }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="md">{t('returns.detail.timeline')}</Title>
      <Timeline active={detail.events.length - 1} bulletSize={14} lineWidth={2} data-testid="return-timeline">
        {detail.events.map((event) => (
          <Timeline.Item key={event.id} color={event.to === 'closed' ? 'gray.6' : STATUS_COLORS[event.to]} title={t(statusKey(event.to))}
            data-testid="return-event" data-to={event.to}>
            <Text size="sm" c="dimmed">
              {t('returns.event.by', { staff: event.staff?.name ?? t('returns.event.system'), at: dateTime(event.at, locale) })}
            </Text>
            {event.note && <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
