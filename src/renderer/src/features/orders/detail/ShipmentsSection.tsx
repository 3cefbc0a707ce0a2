import { Anchor, Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconExternalLink, IconTruckDelivery } from '@tabler/icons-react';
import type { OrderDetail, OrderShipment } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useDateTime } from '../dateTime';
import { codeLabel } from '../labels';
import { shipmentTrouble } from '../shipmentTrouble';
import { Section } from './Section';
import { ShipmentPushBadge } from './ShipmentPushBadge';
import { ShipmentTicketButton } from './ShipmentTicketButton';
import { TrackingForm } from './TrackingForm';

const SHIPMENT_COLORS: Record<string, string> = {
  Delivered: 'teal',
  AttemptFail: 'red',
  Exception: 'red',
  Expired: 'gray',
  OutForDelivery: 'blue',
  InTransit: 'blue',
};

/** The order's parcels, and "Add tracking" for one sent by hand (not for a cancelled order). */
export function ShipmentsSection({ order, adding, setAdding }: { order: OrderDetail; adding: boolean; setAdding: (open: boolean) => void }) {
  const { t } = useI18n();
  const ticketIds = order.tickets.map((ticket) => ticket.id);
  return (
    <Stack gap={8}>
      <Section title={t('orders.section.shipments')} count={order.shipments.length} testId="order-shipments">
        <Stack gap="sm">
          {order.shipments.map((shipment) => (
            <ShipmentCard key={shipment.id} shipment={shipment} ticketIds={ticketIds} />
          ))}
        </Stack>
      </Section>
      {adding ? (
        <TrackingForm order={order} onDone={() => setAdding(false)} />
      ) : (
        order.status !== 'cancelled' && order.lines.length > 0 && (
          <Group>
            <Button variant="light" size="xs" leftSection={<IconTruckDelivery size={14} aria-hidden />} onClick={() => setAdding(true)}
              data-testid="order-tracking-open">
              {t('orders.tracking.add')}
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}

function ShipmentCard({ shipment, ticketIds }: { shipment: OrderShipment; ticketIds: number[] }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  const trouble = shipmentTrouble(shipment, new Date());
  // Newest first: what happened last is what the merchant asks about.
  const events = [...shipment.trackingEvents].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <Paper withBorder radius="md" p="sm" data-testid="order-shipment" data-shipment-id={shipment.id} data-trouble={trouble ?? ''}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb={events.length ? 'sm' : 0}>
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {shipment.carrier}
              {shipment.service ? ` · ${shipment.service}` : ''}
            </Text>
            <Badge size="sm" variant="light" color={SHIPMENT_COLORS[shipment.status] ?? 'gray'}>
              {codeLabel(t, 'orders.code.shipment', shipment.status)}
            </Badge>
            {shipment.push && <ShipmentPushBadge push={shipment.push} />}
            {trouble === 'late' && shipment.originalEstimatedDeliveryAt && (
              <Badge size="sm" variant="outline" color="orange">
                {t('orders.shipments.late')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {shipment.trackingNumber ?? ''}
            {shipment.deliveredAt
              ? ` · ${t('orders.shipments.delivered', { date: format.date(shipment.deliveredAt) })}`
              : shipment.estimatedDeliveryAt
                ? ` · ${t('orders.shipments.expected', { date: format.date(shipment.estimatedDeliveryAt) })}`
                : ''}
            {trouble === 'late' && shipment.originalEstimatedDeliveryAt
              ? ` · ${t('orders.shipments.promised', { date: format.date(shipment.originalEstimatedDeliveryAt) })}`
              : ''}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          {shipment.trackingUrl && (
            <Anchor href={shipment.trackingUrl} target="_blank" rel="noreferrer noopener" size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('orders.shipments.track')} <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
          {trouble && <ShipmentTicketButton shipmentId={shipment.id} knownTicketIds={ticketIds} />}
        </Stack>
      </Group>
      {events.length === 0 ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('orders.shipments.noEvents')}
        </Text>
      ) : (
        <Timeline bulletSize={10} lineWidth={2} active={0}>
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              title={<Text size="sm">{event.message ?? codeLabel(t, 'orders.code.shipment', event.status)}</Text>}
            >
              <Text size="xs" c="dimmed">
                {dateTime(event.occurredAt)}
                {event.location ? ` · ${event.location}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
