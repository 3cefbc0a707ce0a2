import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomerProfile, OrderShipment, TicketDetail } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { ShipmentTicketButton } from '../../orders/detail/ShipmentTicketButton';
import { codeLabel } from '../../orders/labels';
import { shipmentTrouble } from '../../orders/shipmentTrouble';
import { statusLabel } from '../labels';
import { ticketPath } from '../routes';
import { useCustomerReturns, useOrdersDetail, useReturnPolicy } from './api';

const ORDERS_SHOWN = 5;
/** Shipments come from full orders: the ticket's order and the newest ones, not every order the customer has. */
const ORDERS_WITH_SHIPMENTS = 3;

function Block({ title, testId, empty, children }: { title: string; testId: string; empty: string; children: ReactNode[] }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} fz="sm" c="dimmed" tt="uppercase" lts={0.3}>{title}</Title>
      {children.length === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : children}
    </Stack>
  );
}

function Line({ left, sub, right }: { left: ReactNode; sub?: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <Stack gap={0} miw={0}>
        <Text size="sm" truncate component="div">{left}</Text>
        {sub && <Text size="xs" c="dimmed" component="div">{sub}</Text>}
      </Stack>
      {right}
    </Group>
  );
}

export function CustomerHistory({ customer, ticket }: { customer: CustomerProfile; ticket: TicketDetail }) {
  const { t, format, locale } = useI18n();
  const orderIds = [...new Set([...(ticket.order ? [ticket.order.id] : []), ...customer.recentOrders.map((o) => o.id)])].slice(0, ORDERS_WITH_SHIPMENTS);
  const details = useOrdersDetail(orderIds);
  const shipments = details.flatMap((q) => (q.data
    ? q.data.shipments.map((s) => ({ order: q.data.orderNumber, orderId: q.data.id, ticketIds: q.data.tickets.map((tk) => tk.id), shipment: s }))
    : []));
  const now = new Date();
  const returns = useCustomerReturns(customer.id).data?.rows ?? [];
  const reasons = useReturnPolicy(returns.length > 0).data?.reasons ?? [];
  // Returns carry the policy's reason code; the policy names it in both languages.
  const reasonLabel = (code: string) => {
    const reason = reasons.find((r) => r.code === code);
    return reason ? (locale === 'zh-CN' ? reason.zh : reason.en) : code.replace(/_/g, ' ');
  };
  const items = customer.timeline.items;
  const tickets = items.filter((i) => i.kind === 'ticket' && i.id !== ticket.id).slice(0, 5);
  const feedback = items.filter((i) => i.kind === 'feedback').slice(0, 5);

  return (
    <Stack gap="md" mt="xs">
      <Block title={t('service.customer.orders')} testId="customer-orders" empty={t('service.customer.noOrders')}>
        {customer.recentOrders.slice(0, ORDERS_SHOWN).map((o) => (
          <Line
            key={o.id}
            left={<Anchor href={hrefFor(`/orders/${o.id}`)} size="sm" fw={500}>{o.orderNumber}</Anchor>}
            sub={`${format.date(o.placedAt)} · ${codeLabel(t, 'orders.financial', o.financialStatus)} · ${codeLabel(t, 'orders.fulfillment', o.fulfillmentStatus)}`}
            right={<Text size="sm" style={{ flex: 'none' }}>{format.money(o.totalMinor, o.currency)}</Text>}
          />
        ))}
      </Block>
      <Block title={t('service.customer.shipments')} testId="customer-shipments" empty={t('service.customer.noShipments')}>
        {shipments.map(({ order, orderId, ticketIds, shipment }) => {
          const trouble = shipmentTrouble(shipment, now);
          return (
            <Line
              key={shipment.id}
              left={<>{order} · {shipment.carrier}</>}
              sub={<TrackingLine shipment={shipment} />}
              right={
                <Stack gap={4} align="flex-end" style={{ flex: 'none' }} data-testid="customer-shipment" data-shipment-id={shipment.id} data-trouble={trouble ?? ''}>
                  <Group gap={4} wrap="nowrap">
                    {trouble === 'late' && <Badge size="sm" variant="outline" color="orange" styles={{ label: { textTransform: 'none' } }}>{t('orders.shipments.late')}</Badge>}
                    <Badge size="sm" variant="light" color={trouble === 'failed' ? 'red' : undefined} styles={{ label: { textTransform: 'none' } }} data-order={orderId}>{codeLabel(t, 'orders.code.shipment', shipment.status)}</Badge>
                  </Group>
                  {trouble && <ShipmentTicketButton shipmentId={shipment.id} knownTicketIds={ticketIds} size="compact-xs" />}
                </Stack>
              }
            />
          );
        })}
      </Block>
      <Block title={t('service.customer.returns')} testId="customer-returns" empty={t('service.customer.noReturns')}>
        {returns.map((r) => (
          <Line
            key={r.id}
            left={<Anchor href={hrefFor(`/returns/${r.id}`)} size="sm">{r.rmaNumber}</Anchor>}
            sub={`${format.date(r.requestedAt)} · ${r.order.orderNumber} · ${reasonLabel(r.reason)}`}
            right={<Badge size="sm" variant="light" color="grape" styles={{ label: { textTransform: 'none' } }}>{codeLabel(t, 'orders.code.return', r.status)}</Badge>}
          />
        ))}
      </Block>
      <Block title={t('service.customer.tickets')} testId="customer-tickets" empty={t('service.customer.noTickets')}>
        {tickets.map((i) =>
          i.kind === 'ticket' ? (
            <Line key={i.id} left={<Anchor href={hrefFor(ticketPath(i.id))} size="sm">#{i.id} {i.subject}</Anchor>} sub={format.date(i.at)} right={<Badge size="sm" variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>{statusLabel(t, i.status)}</Badge>} />
          ) : null,
        )}
      </Block>
      <Block title={t('service.customer.feedback')} testId="customer-feedback" empty={t('service.customer.noFeedback')}>
        {feedback.map((i) =>
          i.kind === 'feedback' ? (
            <Line key={i.id} left={i.title ?? i.body ?? i.source.replace(/_/g, ' ')} sub={format.date(i.at)} right={i.rating !== null ? <Text size="sm" c={i.rating <= 2 ? 'red' : 'teal'}>{'★'.repeat(i.rating)}</Text> : null} />
          ) : null,
        )}
      </Block>
    </Stack>
  );
}

function TrackingLine({ shipment }: { shipment: OrderShipment }) {
  const { t } = useI18n();
  if (shipment.trackingUrl) {
    return <Anchor href={shipment.trackingUrl} target="_blank" rel="noreferrer" size="xs">{shipment.trackingNumber ?? t('service.customer.track')}</Anchor>;
  }
  return <>{shipment.trackingNumber ?? t('service.customer.noTracking')}</>;
}
