import { Text, Timeline } from '@mantine/core';
import type { ShipmentStatus, TrackingEvent } from '../../../../../shared/contract';
import { SHIPMENT_STATUSES } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';
import { STATUS_LABELS, subStatusText } from '../labels';

/** Every scan, newest first: what happened last is what the customer asks about. */
export function EventTimeline({ events }: { events: TrackingEvent[] }) {
  const t = useT();
  const dateTime = useDateTime();
  if (events.length === 0) return <Text size="sm" c="dimmed" data-testid="shipment-no-events">{t('logistics.drawer.noEvents')}</Text>;
  const newestFirst = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const statusLabel = (status: string) =>
    (SHIPMENT_STATUSES as readonly string[]).includes(status) ? t(STATUS_LABELS[status as ShipmentStatus]) : status;
  return (
    <Timeline bulletSize={12} lineWidth={2} active={0} data-testid="shipment-timeline">
      {newestFirst.map((event) => (
        <Timeline.Item
          key={event.id}
          data-testid="shipment-event"
          title={<Text size="sm" fw={500}>{event.message ?? statusLabel(event.status)}</Text>}
        >
          <Text size="xs" c="dimmed">
            {dateTime(event.occurredAt)}
            {event.location ? ` · ${event.location}` : ''}
            {event.message ? ` · ${statusLabel(event.status)}` : ''}
            {subStatusText(event.subStatus) ? ` (${subStatusText(event.subStatus)})` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
