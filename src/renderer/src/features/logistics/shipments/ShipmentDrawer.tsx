import { Anchor, Drawer, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ShipmentDetail } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';
import { shipmentTrouble } from '../../orders/shipmentTrouble';
import { useShipment } from '../api';
import { OpenTicketPopover } from '../exceptions/OpenTicketPopover';
import { subStatusText } from '../labels';
import { StatusBadge } from '../StatusBadge';
import { DisputeControl } from './DisputeControl';
import { DrawerSection } from './DrawerSection';
import { EventTimeline } from './EventTimeline';

/** One shipment, whole: where it stands, what was promised, every scan, its tickets. */
export function ShipmentDrawer({ shipmentId, onClose }: { shipmentId: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const shipment = useShipment(shipmentId);
  const title = shipment.data
    ? t('logistics.drawer.title', { number: shipment.data.orderNumber, carrier: shipment.data.carrier })
    : t('logistics.drawer.loading');
  return (
    <Drawer
      opened={shipmentId !== null}
      onClose={onClose}
      position="right"
      size={600}
      title={<Text fw={700} fz="lg" data-testid="shipment-drawer-title">{title}</Text>}
      closeButtonProps={{ 'aria-label': t('logistics.drawer.close') }}
      data-testid="shipment-drawer"
    >
      {shipment.isPending && shipmentId !== null && (
        <Stack gap="md">
          <Skeleton height={20} width="40%" />
          <Skeleton height={80} />
          <Skeleton height={160} />
        </Stack>
      )}
      {shipment.isError && <QueryError error={shipment.error} onRetry={() => void shipment.refetch()} />}
      {shipment.data && <ShipmentBody key={shipment.data.id} shipment={shipment.data} />}
    </Drawer>
  );
}

function ShipmentBody({ shipment }: { shipment: ShipmentDetail }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  const date = (iso: string | null) => (iso ? format.date(iso) : '—');
  const moved = shipment.originalEstimatedDeliveryAt !== null && shipment.estimatedDeliveryAt !== null &&
    shipment.originalEstimatedDeliveryAt.slice(0, 10) !== shipment.estimatedDeliveryAt.slice(0, 10);
  return (
    <Stack gap="lg" pb="xl" data-testid="shipment-detail" data-shipment-id={shipment.id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <StatusBadge status={shipment.status} subStatus={shipment.subStatus} />
            {subStatusText(shipment.subStatus) && <Text size="sm" data-testid="shipment-sub-status">{subStatusText(shipment.subStatus)}</Text>}
            {shipment.disputedAt && <Text size="sm" c="grape" fw={600}>{t('logistics.kind.disputed')}</Text>}
          </Group>
          <Text size="sm" c="dimmed">
            {shipment.service ? `${shipment.carrier} · ${shipment.service}` : shipment.carrier}
            {shipment.trackingNumber ? ` · ${shipment.trackingNumber}` : ''}
          </Text>
        </Stack>
        {shipment.trackingUrl && (
          <Anchor href={shipment.trackingUrl} target="_blank" rel="noreferrer noopener" size="sm" data-testid="shipment-tracking-link">
            {t('logistics.drawer.track')} <IconExternalLink size={12} aria-hidden />
          </Anchor>
        )}
      </Group>

      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Fact label={t('logistics.drawer.order')}>
          <Anchor href={hrefFor(`/orders/${shipment.orderId}`)} size="sm">{shipment.orderNumber}</Anchor>
        </Fact>
        <Fact label={t('logistics.drawer.customer')}>
          {shipment.customerId ? (
            <Anchor href={hrefFor(`/customers/${shipment.customerId}`)} size="sm">{shipment.customerName ?? `#${shipment.customerId}`}</Anchor>
          ) : t('logistics.guest')}
        </Fact>
        <Fact label={t('logistics.drawer.destination')}>
          {[shipment.destinationCountry, shipment.destinationRegion].filter(Boolean).join(' / ') || '—'}
        </Fact>
        <Fact label={t('logistics.drawer.shipped')}>{date(shipment.shippedAt)}</Fact>
        <Fact label={t('logistics.drawer.originalEstimate')}>
          <span data-testid="shipment-original-estimate">{date(shipment.originalEstimatedDeliveryAt)}</span>
        </Fact>
        <Fact label={t('logistics.drawer.currentEstimate')}>
          <Text span size="sm" c={moved ? 'orange' : undefined} data-testid="shipment-current-estimate">
            {date(shipment.estimatedDeliveryAt)}
            {moved ? ` (${t('logistics.drawer.moved')})` : ''}
          </Text>
        </Fact>
        <Fact label={t('logistics.drawer.delivered')}>{date(shipment.deliveredAt)}</Fact>
        <Fact label={t('logistics.drawer.lastChecked')}>
          {shipment.tracking.lastCheckedAt ? dateTime(shipment.tracking.lastCheckedAt) : t('logistics.drawer.neverChecked')}
        </Fact>
      </SimpleGrid>
      {shipment.tracking.lastError && (
        <Text size="sm" c="red" data-testid="shipment-tracking-error">
          {t('logistics.drawer.trackingError', { message: shipment.tracking.lastError })}
        </Text>
      )}

      <DrawerSection title={t('logistics.drawer.tickets')}>
        <Stack gap={6} data-testid="shipment-tickets">
          {shipment.tickets.map((ticket) => (
            <Anchor key={ticket.id} href={hrefFor(`/service/tickets/${ticket.id}`)} size="sm" data-testid="shipment-ticket-link">
              #{ticket.id} · {ticket.subject}
            </Anchor>
          ))}
          {shipment.tickets.length === 0 && <Text size="sm" c="dimmed">{t('logistics.drawer.noTickets')}</Text>}
          {/* A ticket about a parcel on time would open as "Delayed shipment": offered only when it is in trouble. */}
          {shipment.tickets.length === 0 && (shipment.disputedAt !== null || shipmentTrouble(shipment, new Date()) !== null) && (
            <Group>
              <OpenTicketPopover shipment={shipment} />
            </Group>
          )}
        </Stack>
      </DrawerSection>

      <DisputeControl shipment={shipment} />

      <DrawerSection title={t('logistics.drawer.events', { count: shipment.events.length })}>
        <EventTimeline events={shipment.events} />
      </DrawerSection>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}
