import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { CustomerOrderSummary } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { statusLabel } from '../format';

const FINANCIAL_COLOR: Record<string, string> = {
  paid: 'teal',
  partially_refunded: 'orange',
  refunded: 'red',
  voided: 'gray',
  failed: 'red',
  pending: 'yellow',
  authorized: 'blue',
};

/** The newest orders, each a link to the order in the orders area. */
export function RecentOrders({ orders, mergedIntoId = null }: { orders: CustomerOrderSummary[]; mergedIntoId?: number | null }) {
  const { t, format } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-orders-title">
      <Title order={2} fz="lg" mb="sm" id="profile-orders-title">
        {t('customers.orders.title')}
      </Title>
      {orders.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="profile-orders-empty">
          {mergedIntoId !== null ? t('customers.orders.movedByMerge', { id: mergedIntoId }) : t('customers.orders.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6} highlightOnHover data-testid="profile-recent-orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.orders.number')}</Table.Th>
                <Table.Th>{t('customers.orders.date')}</Table.Th>
                <Table.Th>{t('customers.orders.status')}</Table.Th>
                <Table.Th ta="right">{t('customers.orders.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <Anchor
                      href={hrefFor(`/orders/${order.id}`)}
                      size="sm"
                      fw={500}
                      aria-label={t('customers.orders.open', { number: order.orderNumber })}
                    >
                      {order.orderNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.date(order.placedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {order.status === 'cancelled' ? (
                      <Badge size="sm" variant="light" color="gray">
                        {statusLabel(t, 'orders.status', order.status)}
                      </Badge>
                    ) : (
                      <Badge size="sm" variant="light" color={FINANCIAL_COLOR[order.financialStatus] ?? 'gray'}>
                        {statusLabel(t, 'orders.financial', order.financialStatus)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text size="sm">{format.money(order.totalMinor, order.currency)}</Text>
                    {order.refundedMinor > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('customers.orders.refunded', { amount: format.money(order.refundedMinor, order.currency) })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
