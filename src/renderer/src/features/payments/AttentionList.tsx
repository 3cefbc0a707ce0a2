import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { PaymentsSummary } from '../../../../shared/contract';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { useDateTime } from '../orders/dateTime';
import { codeLabel } from '../orders/labels';

/** The latest failed or pending payments, each a link to its order to follow up. */
export function AttentionList({ summary }: { summary: PaymentsSummary }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  const rows = summary.attention;
  return (
    <Paper withBorder p="md" radius="md" data-testid="payments-attention">
      <Title order={2} fz="md" fw={600} mb="xs">{t('payments.attention.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('payments.attention.description')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="payments-attention-empty">{t('payments.attention.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.attention.order')}</Table.Th>
                <Table.Th>{t('payments.attention.customer')}</Table.Th>
                <Table.Th>{t('payments.attention.status')}</Table.Th>
                <Table.Th>{t('payments.table.method')}</Table.Th>
                <Table.Th>{t('payments.table.gateway')}</Table.Th>
                <Table.Th ta="right">{t('payments.table.amount')}</Table.Th>
                <Table.Th>{t('payments.attention.error')}</Table.Th>
                <Table.Th>{t('payments.attention.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.paymentId} data-testid="payments-attention-row" data-order-id={row.orderId} data-status={row.status}>
                  <Table.Td>
                    <Anchor href={hrefFor(`/orders/${row.orderId}`)} size="sm" fw={600}>{row.orderNumber}</Anchor>
                  </Table.Td>
                  <Table.Td>{row.customerName ?? t('payments.attention.guest')}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={row.status === 'failure' || row.status === 'error' ? 'red' : 'yellow'}>
                      {codeLabel(t, 'payments.status', row.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.method ? codeLabel(t, 'orders.method', row.method) : '—'}</Table.Td>
                  <Table.Td>{row.gateway ? codeLabel(t, 'payments.gateway', row.gateway) : '—'}</Table.Td>
                  <Table.Td ta="right">{format.money(row.amountMinor, summary.currency)}</Table.Td>
                  <Table.Td><Text size="xs" ff="monospace">{row.errorCode ?? '—'}</Text></Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{dateTime(row.processedAt)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
