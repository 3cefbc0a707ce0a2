import { Badge, Group, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { codeLabel } from '../labels';
import { Section } from './Section';

export function TicketsSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  return (
    <Section title={t('orders.section.tickets')} count={order.tickets.length} testId="order-tickets">
      <Stack gap={6}>
        {order.tickets.map((ticket) => (
          <Group key={ticket.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} miw={0}>
              <Text size="sm" truncate>
                {ticket.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {format.date(ticket.createdAt)} · {codeLabel(t, 'orders.code.ticketChannel', ticket.channel)} ·{' '}
                {codeLabel(t, 'orders.code.priority', ticket.priority)}
              </Text>
            </Stack>
            <Badge size="sm" variant="light" color={ticket.solvedAt ? 'teal' : 'blue'}>
              {codeLabel(t, 'orders.code.ticket', ticket.status)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

export function ReturnsSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  return (
    <Section title={t('orders.section.returns')} count={order.returns.length} testId="order-returns">
      <Stack gap={6}>
        {order.returns.map((ret) => (
          <Group key={ret.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} miw={0}>
              <Text size="sm">
                {ret.rmaNumber} · {ret.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {format.date(ret.requestedAt)} ·{' '}
                {t('orders.returns.items', { count: ret.lines.reduce((sum, line) => sum + line.quantity, 0) })}
                {ret.refundMinor !== null ? ` · ${format.money(ret.refundMinor, ret.currency)}` : ''}
              </Text>
            </Stack>
            <Badge size="sm" variant="light" color="grape">
              {codeLabel(t, 'orders.code.return', ret.status)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
