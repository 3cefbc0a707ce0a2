import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { OrderDetail } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useCustomerPoints } from '../api';
import { useDateTime } from '../dateTime';
import { codeLabel } from '../labels';
import { StatusBadges } from '../StatusBadges';
import { refundableOf } from './RefundForm';

/** Financial statuses whose money was taken (the core refuses the rest with a sentence; the button says why first). */
const PAID = ['paid', 'partially_refunded', 'refunded'];

export function OrderSummary({ order, onRefund, refunding }: { order: OrderDetail; onRefund: () => void; refunding: boolean }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  const refundable = refundableOf(order);
  const money = (minor: number) => format.money(minor, order.currency);
  const blocked =
    order.status === 'cancelled' || !PAID.includes(order.financialStatus)
      ? t('orders.refund.notPaid')
      : refundable === 0
        ? t('orders.refund.nothingLeft')
        : null;
  const place = [order.shippingRegion, order.shippingCountry].filter(Boolean).join(', ');
  // When the refund form closes, focus comes back to the button that opened it.
  const refundButton = useRef<HTMLButtonElement>(null);
  const wasRefunding = useRef(refunding);
  useEffect(() => {
    if (wasRefunding.current && !refunding) refundButton.current?.focus();
    wasRefunding.current = refunding;
  }, [refunding]);

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <StatusBadges order={order} size="md" />
        <Text size="sm" c="dimmed">
          {t('orders.drawer.placed', { date: dateTime(order.placedAt) })} · {codeLabel(t, 'orders.channel', order.channel)}
          {order.paymentMethod ? ` · ${codeLabel(t, 'orders.method', order.paymentMethod)}` : ''}
          {place ? ` · ${t('orders.drawer.shipTo', { place })}` : ''}
          {order.cancelledAt ? ` · ${t('orders.drawer.cancelledAt', { date: dateTime(order.cancelledAt) })}` : ''}
        </Text>
      </Stack>
      <CustomerCard order={order} />
      <Paper withBorder radius="md" p="sm">
        <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm" verticalSpacing="xs">
          <Figure label={t('orders.totals.subtotal')} value={money(order.subtotalMinor)} />
          <Figure label={t('orders.totals.discount')} value={order.discountMinor ? `−${money(order.discountMinor)}` : money(0)} />
          <Figure label={t('orders.totals.shipping')} value={money(order.shippingMinor)} />
          <Figure label={t('orders.totals.tax')} value={money(order.taxMinor)} />
          <Figure label={t('orders.totals.total')} value={money(order.totalMinor)} strong testId="order-total" raw={order.totalMinor} />
          <Figure label={t('orders.totals.refunded')} value={money(order.refundedMinor)} testId="order-refunded" raw={order.refundedMinor} />
          <Figure label={t('orders.totals.refundable')} value={money(refundable)} testId="order-refundable" raw={refundable} />
        </SimpleGrid>
      </Paper>
      {!refunding && (
        <Group>
          <Tooltip label={blocked ?? ''} disabled={!blocked}>
            {/* A wrapper, so the tooltip still explains a disabled button. */}
            <span>
              <Button ref={refundButton} color="orange" variant="light" leftSection={<IconReceiptRefund size={16} />} onClick={onRefund} disabled={!!blocked} data-testid="order-refund-open">
                {t('orders.refund.action')}
              </Button>
            </span>
          </Tooltip>
          {blocked && <Text size="xs" c="dimmed">{blocked}</Text>}
        </Group>
      )}
    </Stack>
  );
}

function Figure({ label, value, strong, testId, raw }: { label: string; value: string; strong?: boolean; testId?: string; raw?: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId} data-value={raw}>
        {value}
      </Text>
    </Stack>
  );
}

function CustomerCard({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  const customer = order.customerSummary;
  const points = useCustomerPoints(customer?.id ?? null);
  if (!customer) {
    return (
      <Text size="sm" c="dimmed">
        {t('orders.drawer.guest')}
      </Text>
    );
  }
  const contact = [customer.email, customer.phone, customer.country].filter(Boolean).join(' · ');
  const balance = points.data;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="order-customer">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Anchor href={hrefFor(`/customers/${customer.id}`)} fw={600} size="sm" data-testid="order-customer-link">
            {customer.name ?? customer.email ?? `#${customer.id}`}
          </Anchor>
          {contact && <Text size="xs" c="dimmed" truncate>{contact}</Text>}
          <Text size="xs" c="dimmed">
            {customer.orderCount === 1
              ? t('orders.drawer.customerOrdersOne')
              : t('orders.drawer.customerOrders', { count: format.number(customer.orderCount) })}
            {customer.marketingConsent ? ` · ${t('orders.drawer.consent')}` : ''}
          </Text>
        </Stack>
        {points.isPending ? (
          <Skeleton height={14} width={120} />
        ) : balance ? (
          <Stack gap={0} align="flex-end" data-testid="order-customer-points" data-approved={balance.approved} data-pending={balance.pending} data-debt={balance.debt}>
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {t('orders.drawer.points', { approved: format.number(balance.approved) })}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('orders.drawer.pointsPending', { pending: format.number(balance.pending) })}
              {balance.debt > 0 ? ` · ${t('orders.drawer.pointsDebt', { debt: format.number(balance.debt) })}` : ''}
            </Text>
          </Stack>
        ) : null}
      </Group>
    </Paper>
  );
}
