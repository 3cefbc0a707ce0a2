import { Group, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useDateTime } from '../dateTime';
import { codeLabel } from '../labels';
import { Section } from './Section';

const amountStyle = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function PaymentsSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  return (
    <Section title={t('orders.section.payments')} count={order.payments.length} testId="order-payments">
      <Stack gap={6}>
        {order.payments.map((payment) => (
          <Group key={payment.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <Text size="sm">
                {codeLabel(t, 'orders.code.payment', payment.kind)} · {codeLabel(t, 'orders.method', payment.method)} ·{' '}
                <Text span size="sm" c={payment.status === 'success' ? undefined : 'red'}>
                  {codeLabel(t, 'orders.code.paymentStatus', payment.status)}
                </Text>
              </Text>
              <Text size="xs" c="dimmed">
                {dateTime(payment.processedAt)} · {payment.gateway}
                {payment.errorCode ? ` · ${t('orders.payments.declined', { code: payment.errorCode })}` : ''}
              </Text>
            </Stack>
            <Text size="sm" style={amountStyle}>
              {format.money(payment.amountMinor, payment.currency)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

export function RefundsSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  const dateTime = useDateTime();
  return (
    <Section title={t('orders.section.refunds')} count={order.refunds.length} testId="order-refunds">
      <Stack gap={6}>
        {order.refunds.map((refund) => (
          <Group key={refund.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="order-refund">
            <Stack gap={0}>
              <Text size="sm">{refund.reason ? codeLabel(t, 'orders.refund.reason', refund.reason) : dateTime(refund.refundedAt)}</Text>
              <Text size="xs" c="dimmed">
                {refund.reason ? dateTime(refund.refundedAt) : ''}
                {refund.note ? `${refund.reason ? ' · ' : ''}${refund.note}` : ''}
              </Text>
            </Stack>
            <Text size="sm" c="orange" style={amountStyle}>
              −{format.money(refund.amountMinor, refund.currency)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
