import { Badge, Group } from '@mantine/core';
import type { OrderRow } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { FINANCIAL_COLORS, FULFILLMENT_COLORS, STATUS_COLORS } from './labels';

/** Order, payment and fulfilment status side by side; colour is never the only signal (each says its name). */
export function StatusBadges({ order, size = 'sm' }: { order: Pick<OrderRow, 'status' | 'financialStatus' | 'fulfillmentStatus'>; size?: 'sm' | 'md' }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap" data-testid="order-status-badges">
      <Badge size={size} variant="light" style={{ flex: 'none' }} color={STATUS_COLORS[order.status]} data-status={order.status}>
        {t(`orders.status.${order.status}`)}
      </Badge>
      <Badge size={size} variant="light" style={{ flex: 'none' }} color={FINANCIAL_COLORS[order.financialStatus]} data-financial={order.financialStatus}>
        {t(`orders.financial.${order.financialStatus}`)}
      </Badge>
      <Badge size={size} variant="light" style={{ flex: 'none' }} color={FULFILLMENT_COLORS[order.fulfillmentStatus]} data-fulfillment={order.fulfillmentStatus}>
        {t(`orders.fulfillment.${order.fulfillmentStatus}`)}
      </Badge>
    </Group>
  );
}
